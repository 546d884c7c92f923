using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>One request of a closed-loop run: when it started (seconds from the run's start), how long it took, whether it failed.</summary>
internal readonly record struct LoadSample(double StartSeconds, double LatencyMs, bool Failed);

/// <summary>Closed-loop load: <c>workers</c> tasks each sending the next request as soon as the last one answered, for a fixed time.</summary>
internal static class ClusterLoad
{
    public static async Task<IReadOnlyList<LoadSample>> RunAsync(int workers, TimeSpan duration, Stopwatch clock, Func<int, Task> request,
        Action<Exception>? onFailure = null)
    {
        var samples = new ConcurrentBag<LoadSample>();
        var end = clock.Elapsed + duration;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                var failed = false;
                try
                {
                    await request(Interlocked.Increment(ref next));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failed = true;
                    onFailure?.Invoke(ex);
                }
                samples.Add(new LoadSample(started.TotalSeconds, (clock.Elapsed - started).TotalMilliseconds, failed));
            }
        })));
        return samples.OrderBy(s => s.StartSeconds).ToArray();
    }
}
