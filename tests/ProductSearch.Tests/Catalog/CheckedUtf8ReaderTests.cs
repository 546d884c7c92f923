using System.Text;
using ProductSearch.Catalog;

namespace ProductSearch.Tests.Catalog;

public sealed class CheckedUtf8ReaderTests
{
    [Fact]
    public void Lines_longer_than_the_buffer_and_every_line_end_come_through_whole()
    {
        var huge = new string('é', 300_000); // 600 KB of two-byte characters: several buffer refills mid-character
        var text = "first\r\n" + huge + "\n\nlast";
        var invalid = new List<int>();
        using var reader = new CheckedUtf8Reader(new MemoryStream(Encoding.UTF8.GetBytes(text)), invalid.Add);

        Assert.Equal("first", reader.ReadLine());
        Assert.Equal(huge, reader.ReadLine());
        Assert.Equal("", reader.ReadLine());
        Assert.Equal("last", reader.ReadLine());
        Assert.Null(reader.ReadLine());
        Assert.Equal(4, reader.LineNumber);
        Assert.Empty(invalid);
    }

    [Fact]
    public async Task Character_reads_return_the_text_with_its_line_ends()
    {
        var text = "a,b\r\n\"x\ny\",z\n" + new string('q', 70_000);
        using var reader = new CheckedUtf8Reader(new MemoryStream(Encoding.UTF8.GetBytes(text)), _ => { });
        var result = new StringBuilder();
        var buffer = new char[1000];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0) result.Append(buffer, 0, read);
        Assert.Equal(text, result.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(text), reader.BytesConsumed);
    }
}
