using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// Search p50/p99 measured during a series of commits (<see cref="CommitCostHarness"/>): every <see cref="Every"/>
/// commits, the serving engine and an engine on a fresh copy of the base answer the same <see cref="Queries"/> queries
/// in turn. A series ends wherever its last commit falls between two merges — right after one is the best point — so
/// the ratio at the end alone says little; the checkpoints see the whole cycle.
/// </summary>
/// <param name="every">Commits between two checkpoints; 0: none.</param>
/// <param name="queries">Queries each engine answers at a checkpoint.</param>
internal sealed class Checkpoints(int every, int queries)
{
    /// <summary>Commits between two checkpoints; 0: none.</summary>
    public int Every { get; } = every;

    /// <summary>Queries each engine answers at a checkpoint.</summary>
    public int Queries { get; } = queries;

    /// <summary>
    /// One checkpoint: after how many commits, how many since the product store (and lexical index) last merged (-1: none
    /// yet), the lexical index's segments and deleted documents then, and both engines' latencies.
    /// </summary>
    internal sealed record Checkpoint(int Commits, int SinceStoreMerge, int LexicalSegments, int LexicalDeleted, double P50MsAfter, double P50MsFresh, double P99MsAfter, double P99MsFresh, double P99Ratio);

    private readonly List<Checkpoint> _taken = [];

    /// <summary>The checkpoints so far.</summary>
    public IReadOnlyList<Checkpoint> Taken => _taken;

    /// <summary>The median p99 ratio over the checkpoints (null: none taken).</summary>
    public double? MedianRatio => _taken.Count == 0 ? null : LatencyStats.Percentile(_taken.Select(t => t.P99Ratio).Order().ToArray(), 0.5);

    /// <summary>The largest p99 ratio over the checkpoints (null: none taken).</summary>
    public double? MaxRatio => _taken.Count == 0 ? null : _taken.Max(t => t.P99Ratio);

    /// <summary>Both engines answer a hundred queries once, untimed, before the series (files into the page cache, code jitted).</summary>
    public void WarmUp(IReadOnlyList<string> queries, SearchEngine serving, SearchEngine fresh)
    {
        foreach (var engine in new[] { serving, fresh }) TimedRunner.Run(queries.Take(100).ToArray(), 1, q => Search(engine, q));
    }

    /// <summary>Takes a checkpoint after <paramref name="commits"/> commits.</summary>
    public void Measure(int commits, int sinceStoreMerge, string index, IReadOnlyList<string> queries, SearchEngine serving, SearchEngine fresh)
    {
        var (segments, deleted) = LexicalSegments(index);
        var asked = queries.Take(Queries).ToArray();
        var after = TimedRunner.Run(asked, 1, q => Search(serving, q));
        var onFresh = TimedRunner.Run(asked, 1, q => Search(fresh, q));
        var taken = new Checkpoint(commits, sinceStoreMerge, segments, deleted, Math.Round(after.P50Ms, 3), Math.Round(onFresh.P50Ms, 3), Math.Round(after.P99Ms, 3), Math.Round(onFresh.P99Ms, 3),
            Math.Round(after.P99Ms / onFresh.P99Ms, 3));
        _taken.Add(taken);
        Console.Error.WriteLine($"checkpoint at {commits} commits ({sinceStoreMerge} since the store merged, {segments} lexical segments, {deleted:N0} deleted): p50 {taken.P50MsAfter:F2} / {taken.P50MsFresh:F2} ms, "
            + $"p99 {taken.P99MsAfter:F2} / {taken.P99MsFresh:F2} ms ({taken.P99Ratio:F2}x), load {LoadAverage.OneMinute()}");
    }

    private static (int Segments, int Deleted) LexicalSegments(string index)
    {
        var layout = new ProductSearch.Indexing.IndexLayout(index);
        using var directory = Lucene.Net.Store.FSDirectory.Open(layout.LexicalPath(layout.ReadManifest().Generation));
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        return (reader.Leaves.Count, reader.NumDeletedDocs);
    }

    private static void Search(SearchEngine engine, string query) => engine.Search(new SearchRequest { Query = query, K = 10 });
}
