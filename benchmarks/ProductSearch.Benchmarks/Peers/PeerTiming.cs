using System.Diagnostics;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Evaluation;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// Times a .NET system exactly as benchmarks/peers/timing.mjs times the Node ones: one pass over the queries that
/// records the rankings, passes for at least <see cref="WarmUp"/> more, then enough passes for at least <paramref name="minimumCalls"/> calls on one
/// thread.
/// </summary>
internal static class PeerTiming
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static PeerResult Run(string system, string mode, string kind, double buildSeconds, IReadOnlyList<QueryJudgments> queries,
        int minimumCalls, Func<QueryJudgments, string[]> searchOne, int? ef = null)
    {
        var rankings = queries.ToDictionary(q => q.QueryId, searchOne);
        // More warm-up than one pass: .NET's tiered JIT (and V8's) promote hot code in the background, so the first
        // system timed would otherwise pay for compiling shared code (LiteDB, Lucene) the later ones get for free.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp) foreach (var q in queries) searchOne(q);
        var stats = TimedRunner.Run(TimedRunner.Repeat(queries, minimumCalls), 1, q => searchOne(q));
        return new PeerResult
        {
            System = system, Mode = mode, Kind = kind, Ef = ef, BuildSeconds = buildSeconds, Rankings = rankings,
            Qps = stats.QueriesPerSecond, P50Ms = stats.P50Ms, P99Ms = stats.P99Ms, Calls = stats.Count,
        };
    }

    public static (T Built, double Seconds) Build<T>(Func<T> build)
    {
        var stopwatch = Stopwatch.StartNew();
        var built = build();
        return (built, stopwatch.Elapsed.TotalSeconds);
    }
}
