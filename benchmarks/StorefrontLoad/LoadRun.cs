using System.Diagnostics;
using System.Net;

namespace StorefrontLoad;

/// <summary>
/// A closed-loop load run: <see cref="LoadOptions.Concurrency"/> workers, each sending its next request as soon as the
/// previous one has answered, until <see cref="LoadOptions.Requests"/> have been sent (or the time cap is hit).
/// An error is any answer other than 200, a failed connection or a timeout.
/// </summary>
internal sealed class LoadRun(LoadOptions options, HttpClient client)
{
    private long _next;
    private long _completed;
    private int _errors;
    private string? _firstError;

    public string? FirstError => _firstError;

    public async Task<LatencySummary> RunAsync(int requests, long firstRequestNumber, CancellationToken cancellationToken, TimeSpan? duration = null)
    {
        // A timed run stops sending when its time is up; the request count only sizes the latency buffer then.
        using var timer = duration is { } d ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        timer?.CancelAfter(duration!.Value);
        var sending = timer?.Token ?? cancellationToken;
        _next = firstRequestNumber;
        _completed = 0;
        _errors = 0;
        var last = firstRequestNumber + requests;
        var latencies = new double[requests];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            var buffer = new byte[16 * 1024];
            while (!sending.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _next) - 1;
                if (n >= last) return;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(QueryMix.Request(n, options.UniqueQueries, options.Serve), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    while (await body.ReadAsync(buffer, cancellationToken) > 0) { }
                    if (response.StatusCode != HttpStatusCode.OK) Fail($"HTTP {(int)response.StatusCode} for request {n}");
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Fail($"{ex.GetType().Name}: {ex.Message}");
                }
                latencies[n - firstRequestNumber] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref _completed);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var done = (int)Math.Min(requests, _next - firstRequestNumber);
        if (duration is not null) done = (int)Math.Min(done, _completed);
        return LatencySummary.From(latencies[..done], _errors, stopwatch.Elapsed.TotalSeconds);
    }

    private void Fail(string message)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, message, null);
    }
}
