using System.Security.Cryptography;

namespace ProductSearch.Cli;

/// <summary>
/// Fetches one file over HTTP into a temporary file beside its destination, checks it, and only then renames it
/// into place: a failed, cut-off or corrupt transfer leaves nothing half-written under the final name.
/// </summary>
/// <param name="http">The client (a test hands one with a fake handler).</param>
internal sealed class FileDownloader(HttpClient http)
{
    private const int BufferSize = 1 << 20;

    /// <summary>How long the transfer may go without a byte before it counts as stalled.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Downloads <paramref name="source"/> to <paramref name="destination"/>; returns the file's SHA-256 (lowercase hex).</summary>
    /// <param name="source">The address.</param>
    /// <param name="destination">The final path; replaced only after <paramref name="check"/> passed on the new file.</param>
    /// <param name="check">Checks the downloaded file (at its temporary path) and throws when it is not what was wanted.</param>
    /// <param name="progress">Receives the bytes received so far.</param>
    /// <param name="cancellationToken">Cancels the transfer; the temporary file is removed.</param>
    /// <exception cref="DownloadException">The server could not be reached, answered with an error, or the transfer was cut off or stalled.</exception>
    public async Task<string> DownloadAsync(Uri source, string destination, Func<string, CancellationToken, Task> check,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(destination);
        var temporary = destination + ".partial";
        try
        {
            var sha256 = await FetchAsync(source, temporary, name, progress, cancellationToken);
            await check(temporary, cancellationToken);
            File.Move(temporary, destination, overwrite: true);
            return sha256;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private async Task<string> FetchAsync(Uri source, string temporary, string name, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        // One timer for the whole transfer, pushed back by every read: a slow download goes on, a silent one ends.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(IdleTimeout);
        try
        {
            using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, idle.Token);
            if (!response.IsSuccessStatusCode)
                throw new DownloadException($"GET {source} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var total = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
            await using var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, idle.Token)) > 0)
            {
                idle.CancelAfter(IdleTimeout);
                await file.WriteAsync(buffer.AsMemory(0, read), idle.Token);
                hash.AppendData(buffer, 0, read);
                received += read;
                progress?.Report(new DownloadProgress(name, received, total));
            }
            if (total is { } expected && received != expected)
                throw new DownloadException($"GET {source} was cut off: {received:N0} of {expected:N0} bytes arrived.");
            await file.FlushAsync(idle.Token);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException($"GET {source} stalled: no data for {IdleTimeout.TotalSeconds:F0} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new DownloadException($"GET {source} failed: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
