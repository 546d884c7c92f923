using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>The command line's answers to bad input: one error line and exit code 2, before any model loads.</summary>
public sealed class CliExitCodeTests
{
    private static Task<int> Run(params string[] args) => CliApp.Create().Parse(args).InvokeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_exits_2(string query) => Assert.Equal(2, await Run("search", query, "--index", "/tmp"));

    [Fact]
    public async Task A_missing_catalog_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await Run("index", temp.File("missing.jsonl"), "--index", temp.File("idx")));
        Assert.False(Directory.Exists(temp.File("idx")));
    }

    [Fact]
    public async Task A_missing_index_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await Run("search", "shoes", "--index", temp.File("none"), "--device", "cpu"));
    }

    [Fact]
    public async Task An_unknown_device_exits_2() => Assert.Equal(2, await Run("search", "shoes", "--index", "/tmp", "--device", "tpu"));

    [Fact]
    public async Task K_out_of_range_exits_2() => Assert.Equal(2, await Run("search", "shoes", "-k", "0", "--index", "/tmp"));
}
