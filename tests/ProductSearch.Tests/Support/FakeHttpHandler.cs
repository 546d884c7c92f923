using System.Net;

namespace ProductSearch.Tests.Support;

/// <summary>An HTTP handler that answers from a function, over no network, and remembers what was asked.</summary>
internal sealed class FakeHttpHandler(Func<Uri, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    public static HttpResponseMessage Bytes(byte[] bytes, long? contentLength = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentLength = contentLength ?? bytes.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static HttpResponseMessage Stream(Stream body) => new(HttpStatusCode.OK) { Content = new StreamContent(body) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(request.RequestUri!);
        return Task.FromResult(respond(request.RequestUri!));
    }
}

/// <summary>A response body that serves some bytes and then breaks, as a dropped connection does.</summary>
internal sealed class BreakingStream(byte[] bytes, int breakAfter) : MemoryStream(bytes)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Position >= breakAfter) throw new IOException("Connection reset by peer.");
        return base.Read(buffer, offset, (int)Math.Min(count, breakAfter - Position));
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= breakAfter) throw new IOException("Connection reset by peer.");
        return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - Position)], cancellationToken);
    }
}

/// <summary>A response body that never sends a byte.</summary>
internal sealed class SilentStream : MemoryStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
}
