using System.Diagnostics;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// Runs one action per item on a fixed number of threads, thread t taking items t, t + threads, …, and
/// times every call. Threads are real threads (not the pool), so two threads on two cores is what it says.
/// </summary>
internal static class TimedRunner
{
    public static LatencyStats Run<T>(IReadOnlyList<T> items, int threads, Action<T> action)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var latencies = new double[items.Count];
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = t; i < items.Count; i += threads)
            {
                var start = Stopwatch.GetTimestamp();
                action(items[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }) { IsBackground = true }).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();
        wall.Stop();
        return LatencyStats.From(latencies, wall.Elapsed, threads);
    }

    /// <summary>Repeats <paramref name="items"/> until at least <paramref name="minimum"/> calls were made (for small query sets).</summary>
    public static IReadOnlyList<T> Repeat<T>(IReadOnlyList<T> items, int minimum) =>
        Enumerable.Range(0, Math.Max(1, (minimum + items.Count - 1) / items.Count)).SelectMany(_ => items).ToArray();
}
