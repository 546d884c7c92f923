using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// What a commit costs against the size of its change (issue 16, item 1): a generated catalog of N products
/// (synthetic vectors: the model's time is measured and left out) is cloned by hard links from a kept base — no
/// commit writes a committed generation, so the base stays as built — and upserts of 1, 100 and 10,000 changed
/// products are committed into the clone, each while a reader holds the generation before it (as a serving engine
/// does), so the disk growth is what both generations take together (<c>du</c>: shared files count once).
/// "title" upserts change the embedded text (new vectors, the graph is saved again); "price" upserts change
/// nothing embedded. With <c>--commits C</c>, C commits of 100 changed titles follow, and search p50/p99 on the
/// index they leave is set against the same searches before them, interleaved with a fresh copy of the base; every
/// <c>--checkpoint-every</c> commits (default 50) the serving engine and an engine on the fresh copy also answer
/// <c>--checkpoint-queries</c> (default 300) of them in turn, so the series is seen at every point between two merges,
/// not only where it happens to end (right after a merge, the best point).
/// Prints one JSON object. Uses only the public API, so the same file measures an older build (<c>--label</c>).
/// Usage: <c>commit-cost [--size 100k] [--work DIR] [--keep] [--commits 0] [--queries 500] [--checkpoint-every 50]
/// [--checkpoint-queries 300] [--label current] [--json]</c>.
/// </summary>
internal static class CommitCostHarness
{
    private static readonly int[] Sizes = [1, 100, 10_000];

    public static async Task<int> RunAsync(string[] args)
    {
        var size = ScaleSizes.Parse(SyntheticIndex.Option(args, "--size") ?? "100k");
        var work = SyntheticIndex.Option(args, "--work") ?? Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "commit-cost");
        var commits = int.Parse(SyntheticIndex.Option(args, "--commits") ?? "0", CultureInfo.InvariantCulture);
        var queryCount = int.Parse(SyntheticIndex.Option(args, "--queries") ?? "500", CultureInfo.InvariantCulture);
        var label = SyntheticIndex.Option(args, "--label") ?? "current";
        var checkpoints = new Checkpoints(
            int.Parse(SyntheticIndex.Option(args, "--checkpoint-every") ?? "50", CultureInfo.InvariantCulture),
            int.Parse(SyntheticIndex.Option(args, "--checkpoint-queries") ?? "300", CultureInfo.InvariantCulture));
        var baseIndex = Path.Combine(work, $"index-{ScaleSizes.Format(size)}");
        var model = new TimedEmbedder(new SyntheticEmbedder());
        await SyntheticIndex.EnsureAsync(baseIndex, size, new SyntheticEmbedder(), args.Contains("--keep"));
        var fullBuildSeconds = new IndexLayout(baseIndex).ReadManifest().BuildSeconds;

        var run = Path.Combine(work, $"run-{ScaleSizes.Format(size)}-{label}");
        CloneByLinks(baseIndex, run);
        var picked = PickSpread(size, Sizes.Max() * 2 + Math.Max(commits, 1) * 100);
        Log($"{label}: {size:N0} products, index {Du(run) / 1e6:F0} MB, load {LoadAverage.OneMinute()}");

        // The first commit on a base made by another build hashes what it shares once, to record it; measured apart.
        var first = Commit(run, model, [picked[0] with { Price = (picked[0].Price ?? 0) + 1 }]);
        Log($"first commit {first.Seconds:F2} s");
        var results = new Dictionary<string, CommitCost>();
        var offset = 1;
        foreach (var kind in new[] { "title", "price" })
        {
            foreach (var n in Sizes)
            {
                var changed = picked.Skip(offset).Take(n).Select((p, i) => Change(p, kind, 1)).ToArray();
                offset += n;
                results[$"{kind}_{n}"] = Commit(run, model, changed);
                Log($"{kind} upsert of {n,6:N0}: {results[$"{kind}_{n}"]}");
            }
        }

        object? series = null;
        double? mergeSeconds = null;
        if (commits > 0) series = Series(run, baseIndex, work, model, picked.Skip(offset).ToArray(), commits, queryCount, checkpoints, out mergeSeconds);

        var report = new Dictionary<string, object?>
        {
            ["label"] = label,
            ["size"] = size,
            ["upsert_1_seconds"] = results["title_1"].Seconds,
            ["upsert_100_seconds"] = results["title_100"].Seconds,
            ["upsert_10000_seconds"] = results["title_10000"].Seconds,
            ["full_build_seconds"] = fullBuildSeconds,
            ["disk_growth_ratio"] = results["title_100"].DiskGrowth,
            ["first_commit_seconds"] = first.Seconds,
            // The median commit of the series that folded a delta into a new base (null: none did, or an older build).
            ["merge_seconds"] = mergeSeconds ?? results.Values.Where(c => c.Merged).Select(c => (double?)c.Seconds).FirstOrDefault(),
            ["index_bytes"] = Du(run),
            ["commits"] = results,
            ["series"] = series,
            ["machine"] = MachineInfo.Describe(),
            ["load_average"] = LoadAverage.OneMinute(),
        };
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, $"commit-cost-{ScaleSizes.Format(size)}-{label}.json"), json);
        if (!args.Contains("--keep-run")) Directory.Delete(run, recursive: true);
        Console.WriteLine(json);
        return 0;
    }

    /// <summary>The delta files a commit holds: the graph's and, from layout 2, the product store's.</summary>
    private static string[] Deltas(IndexManifest manifest) =>
        new[] { "vectors-delta.usearch", "products-delta.db" }.Where(name => manifest.Files?.ContainsKey(name) == true).ToArray();

    /// <summary>One commit's cost: wall time without the model's, disk growth while the previous generation is still read.</summary>
    internal sealed record CommitCost(double Seconds, double ModelSeconds, double DiskGrowth, long BytesBefore, long BytesDuring, int Embedded, bool Merged,
        bool StoreMerged)
    {
        public override string ToString() =>
            $"{Seconds:F3} s (+{ModelSeconds:F3} s model), disk +{DiskGrowth:P1} ({BytesBefore / 1e6:F0} → {BytesDuring / 1e6:F0} MB), {Embedded} embedded, load {LoadAverage.OneMinute()}";
    }

    /// <summary>
    /// One commit of <paramref name="changed"/>, while an engine holds the current generation as a serving one does:
    /// <paramref name="serving"/> (moved to the current commit first), or one opened for this commit.
    /// </summary>
    private static CommitCost Commit(string index, TimedEmbedder model, IReadOnlyList<Product> changed, SearchEngine? serving = null)
    {
        // Generations the last commit left (deleted by the next writer, or now) would count as this commit's growth.
        var layout = new IndexLayout(index);
        using var opened = serving is null ? SearchEngine.Open(new SearchEngineOptions { IndexPath = index, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0, QueryCacheSize = 0 }, model) : null;
        var reader = serving ?? opened!;
        reader.Refresh();
        reader.Search(new SearchRequest { Query = "boots", K = 1 }); // holds the current generation
        var current = layout.ReadManifest();
        layout.DeleteOtherGenerations(current.Generation);
        var hadDeltas = Deltas(current);
        var before = Du(index);
        model.Reset();
        var clock = Stopwatch.StartNew();
        IndexCommitReport report;
        using (var writer = IndexWriter.Open(index, model, model.ModelName))
            report = writer.Write(changed, new CatalogReadReport { Path = "commit-cost" }, SyncMode.Upsert);
        var seconds = clock.Elapsed.TotalSeconds - model.Elapsed.TotalSeconds;
        if (!report.Committed || report.Updated != changed.Count) throw new InvalidOperationException($"expected {changed.Count} updates, got {report.Updated}");
        var during = Du(index);
        // A commit that leaves no delta (of the graph or the product store) after one was there folded it into a new base
        // (a merge); older builds have none.
        var left = hadDeltas.Except(Deltas(report.Manifest)).ToArray();
        return new CommitCost(Math.Round(seconds, 4), Math.Round(model.Elapsed.TotalSeconds, 4), Math.Round((double)(during - before) / before, 4), before, during, report.Embedded,
            left.Length > 0, left.Contains("products-delta.db"));
    }

    /// <summary>
    /// <paramref name="commits"/> commits of 100 changed titles in a row; search p50/p99 on the index they leave and on a
    /// fresh copy of the base, measured in alternating rounds so a change of load shows in both.
    /// </summary>
    private static object Series(string run, string baseIndex, string work, TimedEmbedder model, Product[] pool, int commits, int queryCount, Checkpoints checkpoints,
        out double? mergeSeconds)
    {
        var times = new List<double>();
        var merges = new List<double>();
        var layout = new IndexLayout(run);
        layout.DeleteOtherGenerations(layout.ReadManifest().Generation); // both ends measured without a previous commit's generation
        var bytesAtStart = Du(run);
        var refreshes = new List<double>();
        var fresh = Path.Combine(work, "fresh-copy");
        CloneByLinks(baseIndex, fresh);
        var queries = SyntheticCatalog.Queries(queryCount);
        // One engine serves through the series and moves to each new commit, as a server's does (SearchEngine.Refresh).
        using (var serving = OpenEngine(run, model))
        using (var onFresh = checkpoints.Every > 0 ? OpenEngine(fresh, model) : null)
        {
            var sinceStoreMerge = -1; // unknown until the series' first store merge
            if (onFresh is not null) checkpoints.WarmUp(queries, serving, onFresh);
            for (var c = 0; c < commits; c++)
            {
                var changed = Enumerable.Range(0, 100).Select(i => Change(pool[(c * 100 + i) % pool.Length], "title", 2 + (c * 100 + i) / pool.Length)).ToArray();
                var cost = Commit(run, model, changed, serving);
                times.Add(cost.Seconds);
                if (cost.Merged) merges.Add(cost.Seconds);
                sinceStoreMerge = cost.StoreMerged ? 0 : sinceStoreMerge < 0 ? -1 : sinceStoreMerge + 1;
                var refresh = Stopwatch.StartNew();
                serving.Refresh();
                refreshes.Add(refresh.Elapsed.TotalSeconds);
                if ((c + 1) % 50 == 0) Log($"{c + 1} commits, last {times[^1]:F3} s, engine moved to it in {refreshes[^1]:F3} s, load {LoadAverage.OneMinute()}");
                if (onFresh is not null && (c + 1) % checkpoints.Every == 0) checkpoints.Measure(c + 1, sinceStoreMerge, run, queries, serving, onFresh);
            }
        }
        layout.DeleteOtherGenerations(layout.ReadManifest().Generation); // the size the index keeps, not the one its last commit left behind
        var bytesAtEnd = Du(run);
        var rounds = new Dictionary<string, List<LatencyStats>> { ["after_commits"] = [], ["fresh"] = [] };
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, path) in new[] { ("after_commits", run), ("fresh", fresh) })
            {
                using var engine = OpenEngine(path, model);
                void Search(string q) => engine.Search(new SearchRequest { Query = q, K = 10 });
                TimedRunner.Run(queries.Take(100).ToArray(), 1, Search); // warm-up
                rounds[name].Add(TimedRunner.Run(queries, 1, Search));
                Log($"{name}: p50 {rounds[name][^1].P50Ms:F3} ms, p99 {rounds[name][^1].P99Ms:F3} ms, load {LoadAverage.OneMinute()}");
            }
        }
        Directory.Delete(fresh, recursive: true);
        var sorted = times.Order().ToArray();
        double P99(string name) => rounds[name].Min(s => s.P99Ms);
        double P50(string name) => rounds[name].Min(s => s.P50Ms);
        mergeSeconds = merges.Count == 0 ? null : LatencyStats.Percentile(merges.Order().ToArray(), 0.5);
        return new
        {
            commits,
            commit_p50_seconds = LatencyStats.Percentile(sorted, 0.5),
            commit_p99_seconds = LatencyStats.Percentile(sorted, 0.99),
            disk_growth = Math.Round((double)(bytesAtEnd - bytesAtStart) / bytesAtStart, 4),
            merges = merges.Count,
            merge_p50_seconds = mergeSeconds,
            refresh_p50_seconds = LatencyStats.Percentile(refreshes.Order().ToArray(), 0.5),
            refresh_p99_seconds = LatencyStats.Percentile(refreshes.Order().ToArray(), 0.99),
            search_p50_ms_after = P50("after_commits"),
            search_p50_ms_fresh = P50("fresh"),
            search_p99_ms_after = P99("after_commits"),
            search_p99_ms_fresh = P99("fresh"),
            search_p99_ratio = Math.Round(P99("after_commits") / P99("fresh"), 3),
            search_p99_ratio_checkpoints_median = checkpoints.MedianRatio,
            search_p99_ratio_checkpoints_max = checkpoints.MaxRatio,
            checkpoints = checkpoints.Taken,
        };
    }

    private static SearchEngine OpenEngine(string index, TimedEmbedder model) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = index, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0, QueryCacheSize = 0 }, model);

    private static Product Change(Product product, string kind, int round) => kind == "title"
        ? product with { Title = $"{product.Title} edition {round}" }
        : product with { Price = (product.Price ?? 0) + round };

    /// <summary><paramref name="count"/> products spread evenly over the catalog (one pass over it).</summary>
    private static Product[] PickSpread(int size, int count)
    {
        var stride = Math.Max(1, size / count);
        return SyntheticCatalog.Products(size).Where((_, i) => i % stride == 0).Take(count).ToArray();
    }

    /// <summary>A copy of an index made of hard links (lock files left out): commits never write a committed file, so the original stays as it is.</summary>
    private static void CloneByLinks(string source, string destination)
    {
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith("read.lock", StringComparison.Ordinal) || Path.GetFileName(file).StartsWith("write.lock", StringComparison.Ordinal)) continue;
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            // manifest.json is replaced by rename, never written in place; so is every committed file.
            if (!Link(file, target)) File.Copy(file, target);
        }
    }

    private static bool Link(string existing, string link)
    {
        using var ln = Process.Start(new ProcessStartInfo("ln", [existing, link]) { RedirectStandardError = true })!;
        ln.WaitForExit();
        return ln.ExitCode == 0;
    }

    /// <summary>Bytes on disk under <paramref name="path"/>, each file counted once however many names it has (<c>du -sb</c>).</summary>
    private static long Du(string path)
    {
        using var du = Process.Start(new ProcessStartInfo("du", ["-sb", path]) { RedirectStandardOutput = true })!;
        var output = du.StandardOutput.ReadToEnd();
        du.WaitForExit();
        return long.Parse(output.Split('\t')[0], CultureInfo.InvariantCulture);
    }

    private static void Log(string line) => Console.Error.WriteLine(line);
}
