using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.CrashHarness;

/// <summary>
/// Proves that an index survives kill -9: runs the real command line (<c>productsearch upsert</c>, and every fourth
/// trial a full <c>productsearch index --rebuild</c>) in a child process, kills it (SIGKILL) at a random instant,
/// then checks the index (about one upsert in three folds the vector delta into a new base graph, so kills land in
/// merges too): it opens and answers a search, its three stores agree with each other and the manifest,
/// the trial's change is visible whole or not at all, and a change the writer acknowledged (exit code 0) is there.
/// </summary>
public sealed class CrashTrials
{
    private const int BaseProducts = 150;
    private const int ChangesPerTrial = 12;
    private readonly string _cli;
    private readonly string _workFolder;
    private readonly Random _random;
    private readonly string _indexPath;
    // Durations of finished runs per kind (upsert, rebuild): kills are aimed uniformly over 1.3 × their median,
    // so about three in four trials die somewhere between start-up and the commit's last step.
    private readonly Dictionary<bool, List<double>> _durations = new() { [false] = [], [true] = [] };

    /// <summary>Prepares trials of the command line at <paramref name="cliPath"/> (the <c>productsearch</c> executable or dll).</summary>
    public CrashTrials(string cliPath, string workFolder, int seed)
    {
        _cli = cliPath;
        _workFolder = workFolder;
        _random = new Random(seed);
        _indexPath = Path.Combine(workFolder, "index");
        Directory.CreateDirectory(workFolder);
    }

    /// <summary>Builds the starting index (not killed) and times one upsert, to aim the kills.</summary>
    public void Prepare()
    {
        var catalog = WriteCatalog("base.jsonl", Enumerable.Range(0, BaseProducts).Select(i => Product($"B{i:D4}", $"Base product {i} cotton shirt")));
        Run(["index", catalog, "--index", _indexPath, "--device", "cpu"], killAfter: null, out _);
        for (var i = 0; i < 2; i++)
        {
            var warmup = WriteCatalog("warmup.jsonl", Enumerable.Range(0, ChangesPerTrial).Select(j => Product($"W{i}{j:D3}", $"Warm up lamp {j}")));
            var stopwatch = Stopwatch.StartNew();
            Run(["upsert", warmup, "--index", _indexPath, "--device", "cpu"], killAfter: null, out _);
            _durations[false].Add(stopwatch.Elapsed.TotalSeconds);
        }
        var all = WriteCatalog("warmup-all.jsonl", Snapshot().Products);
        var rebuildWatch = Stopwatch.StartNew();
        Run(["index", all, "--index", _indexPath, "--device", "cpu", "--rebuild"], killAfter: null, out _);
        _durations[true].Add(rebuildWatch.Elapsed.TotalSeconds);
    }

    private double Typical(bool rebuild)
    {
        var sorted = _durations[rebuild].Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Runs <paramref name="trials"/> kill trials.</summary>
    public CrashReport Run(int trials)
    {
        if (_durations[false].Count == 0) Prepare();
        int killed = 0, completed = 0, afterCommit = 0, unopenable = 0, inconsistent = 0, lost = 0, partial = 0, merges = 0, killedMerges = 0;
        var failures = new List<string>();
        for (var trial = 1; trial <= trials; trial++)
        {
            var marker = "T" + trial.ToString("D4", CultureInfo.InvariantCulture);
            var rebuild = trial % 4 == 0;
            var before = Snapshot();
            string[] args;
            if (rebuild)
            {
                // The whole current catalog again, every title marked: visible whole means every product carries the marker.
                var catalog = WriteCatalog(marker + ".jsonl", before.Products.Select(p => p with { Title = StripMarker(p.Title) + " " + marker }));
                args = ["index", catalog, "--index", _indexPath, "--device", "cpu", "--rebuild"];
            }
            else
            {
                var changed = before.Products.OrderBy(_ => _random.Next()).Take(ChangesPerTrial / 2)
                    .Select(p => p with { Title = StripMarker(p.Title) + " " + marker });
                var added = Enumerable.Range(0, ChangesPerTrial / 2).Select(i => Product($"{marker}-{i}", $"New item {i} leather boots {marker}"));
                var catalog = WriteCatalog(marker + ".jsonl", changed.Concat(added));
                args = ["upsert", catalog, "--index", _indexPath, "--device", "cpu"];
            }
            var killAfter = TimeSpan.FromSeconds(_random.NextDouble() * Typical(rebuild) * 1.3);
            var stopwatch = Stopwatch.StartNew();
            var merging = !rebuild && MergeDue(before.Products.Count);
            var acknowledged = Run(args, killAfter, out var wasKilled);
            if (acknowledged) _durations[rebuild].Add(stopwatch.Elapsed.TotalSeconds);
            if (wasKilled) killed++; else if (acknowledged) completed++;
            if (merging) merges++;
            if (merging && wasKilled) killedMerges++;

            var after = TryCheck(marker, rebuild ? before.Products.Count : ChangesPerTrial, failures, ref unopenable, ref inconsistent);
            if (after is null) continue;
            if (after.Value.Marked != 0 && after.Value.Marked != after.Value.Expected)
            {
                partial++;
                failures.Add($"{marker}: {after.Value.Marked} of {after.Value.Expected} changes visible");
            }
            if (acknowledged && after.Value.Marked != after.Value.Expected)
            {
                lost++;
                failures.Add($"{marker}: acknowledged but {after.Value.Marked} of {after.Value.Expected} changes visible");
            }
            if (wasKilled && after.Value.Marked == after.Value.Expected) afterCommit++;
        }
        return new CrashReport(trials, killed, completed, afterCommit, unopenable, inconsistent, lost, partial, failures) { Merges = (merges, killedMerges) };
    }

    /// <summary>
    /// Whether an upsert of <see cref="ChangesPerTrial"/> products now would fold a delta — the vectors' or the product
    /// store's — into a new base: each changed or added product changes its key in both, and the writer merges each past
    /// the threshold the engine uses.
    /// </summary>
    private bool MergeDue(int products)
    {
        var layout = new IndexLayout(_indexPath);
        var generation = layout.ReadManifest().Generation;
        var keys = Path.Combine(layout.GenerationFolder(generation), LayeredVectorIndex.SupersededFileName);
        var superseded = File.Exists(keys) ? new FileInfo(keys).Length / sizeof(ulong) : 0;
        long storeChanges;
        using (var store = ProductStore.OpenReadOnly(layout.ProductStorePath(generation))) storeChanges = store.ChangedSinceBase;
        var after = products + ChangesPerTrial / 2;
        return DeltaMerge.IsDue(superseded + ChangesPerTrial, after) || DeltaMerge.IsDue(storeChanges + ChangesPerTrial, after);
    }

    private (int Marked, int Expected)? TryCheck(string marker, int expected, List<string> failures, ref int unopenable, ref int inconsistent)
    {
        var report = IndexVerifier.Verify(_indexPath);
        if (!report.IsConsistent)
        {
            inconsistent++;
            failures.Add($"{marker}: verify: {string.Join("; ", report.Problems)}");
            return null;
        }
        try
        {
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = _indexPath, Device = ComputeDevice.Cpu, RefreshInterval = TimeSpan.Zero });
            if (engine.Search(new SearchRequest { Query = "cotton shirt", Mode = SearchMode.Hybrid }).Hits.Count == 0)
                throw new InvalidOperationException("a search found nothing");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            unopenable++;
            failures.Add($"{marker}: cannot open or search: {ex.Message}");
            return null;
        }
        var marked = Snapshot().Products.Count(p => p.Title.EndsWith(" " + marker, StringComparison.Ordinal));
        return (marked, expected);
    }

    private sealed record State(List<Product> Products);

    private State Snapshot()
    {
        var manifest = new IndexLayout(_indexPath).ReadManifest();
        using var store = ProductStore.OpenReadOnly(new IndexLayout(_indexPath).ProductStorePath(manifest.Generation));
        return new State(store.Keys().Select(k => store.Get(k.Key)!).ToList());
    }

    /// <summary>Runs the command line; true when it exited 0 (acknowledged). Kills it with SIGKILL after <paramref name="killAfter"/>.</summary>
    private bool Run(string[] args, TimeSpan? killAfter, out bool killed)
    {
        var start = new ProcessStartInfo(_cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : _cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(_cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start '{_cli}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no flushes
            killed = true;
        }
        process.WaitForExit();
        if (killAfter is null && process.ExitCode != 0)
            throw new InvalidOperationException($"'productsearch {string.Join(' ', args)}' failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        return !killed && process.ExitCode == 0;
    }

    private string WriteCatalog(string name, IEnumerable<Product> products)
    {
        var path = Path.Combine(_workFolder, name);
        File.WriteAllLines(path, products.Select(p => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["product_id"] = p.Id, ["product_title"] = p.Title, ["product_brand"] = p.Brand, ["product_locale"] = "us",
        })));
        return path;
    }

    private static Product Product(string id, string title) => new() { Id = id, Title = title, Brand = "Harness" };

    private static string StripMarker(string title)
    {
        var space = title.LastIndexOf(' ');
        return space > 0 && title.Length - space == 6 && title[space + 1] == 'T' ? title[..space] : title;
    }
}
