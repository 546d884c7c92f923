using Microsoft.AspNetCore.Http;

namespace ProductSearch.Server.Api;

/// <summary>
/// Reads a request body whole, up to a limit: a body announced or found larger is refused before it is parsed (Kestrel
/// enforces the same limit on the connection; this covers hosts that do not, such as the test server).
/// </summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or <c>null</c> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
