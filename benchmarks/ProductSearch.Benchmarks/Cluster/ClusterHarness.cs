using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Cluster;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// <c>cluster [--silos 3] [--shards 4] [--workers 4] [--seconds 20] [--kill-at 6] [--victim N] [--postgres CONN] [--json]</c>: builds the shared ESCI
/// sample as one index and as a cluster folder, starts the silo processes on loopback, checks the cluster's answers
/// against the one node, then runs closed-loop load and SIGKILLs one silo (never the seed) mid-run. Prints one JSON
/// object (with <c>--json</c>) or the same figures as lines.
/// <c>cluster-throughput [--min-silos 1] [--max-silos 4] [--seconds 10] [--workers 4]</c>: the same load against 1…N silo processes.
/// </summary>
internal static class ClusterHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var silos = Option(args, "--silos", 3);
        var shards = Option(args, "--shards", 4);
        var workers = Option(args, "--workers", 4);
        var seconds = Option(args, "--seconds", 20);
        var killAt = Option(args, "--kill-at", 6);
        var json = args.Contains("--json");
        var postgres = Text(args, "--postgres");
        var victim = Option(args, "--victim", silos) - 1; // 1-based on the command line; the last silo by default
        if (silos < 2) return Refuse("--silos must be at least 2: one is killed.");
        if (victim >= silos || (victim == 0 && postgres is null)) return Refuse("--victim must name a silo 1…silos, and not silo 1 (the localhost seed) without --postgres.");
        using var run = await ClusterRun.StartAsync(shards, silos, log: !json, postgres);

        var equality = await run.CompareWithOneNodeAsync();
        var clock = Stopwatch.StartNew();
        var health = run.PollHealth(clock, TimeSpan.FromSeconds(seconds + 30));
        var killed = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(killAt));
            run.Silos.Kill(victim);
            return clock.Elapsed.TotalSeconds;
        });
        var reasons = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var samples = await ClusterLoad.RunAsync(workers, TimeSpan.FromSeconds(seconds), clock, run.Request,
            ex => reasons.AddOrUpdate($"{ex.GetType().Name}: {ex.Message[..Math.Min(ex.Message.Length, 160)]}", 1, (_, n) => n + 1));
        var killSeconds = await killed;
        // Wait (within the poller's limit) for R to come back if the run ended first.
        var timeline = await health.WaitUntilAsync(h => h.ActiveSilos == silos - 1 && h.IsFullyReplicated);

        var before = samples.Where(s => s.StartSeconds < killSeconds && !s.Failed).Select(s => s.LatencyMs).Order().ToArray();
        var after = samples.Where(s => s.StartSeconds >= killSeconds).ToArray();
        // Every request running at some moment of the 5 s after the kill, those caught in flight by it included.
        var window = samples.Where(s => s.StartSeconds < killSeconds + 5 && s.StartSeconds + s.LatencyMs / 1000 >= killSeconds).Select(s => s.LatencyMs).Order().ToArray();
        double? FirstAfter(Func<ClusterHealth, bool> condition) =>
            timeline.FirstOrDefault(h => h.Seconds >= killSeconds && condition(h.Health)) is { } sample ? Math.Round(sample.Seconds - killSeconds, 2) : null;
        var result = new Dictionary<string, object?>
        {
            ["machine"] = MachineInfo.Describe(),
            ["load_average_1m"] = LoadAverage.OneMinute(),
            ["silos"] = silos,
            ["clustering"] = postgres is null ? "localhost (silo 1 is the seed)" : "ADO.NET, PostgreSQL membership table",
            ["killed_silo"] = victim + 1,
            ["shards"] = shards,
            ["replicas"] = 2,
            ["workers"] = workers,
            ["seconds"] = seconds,
            ["workload"] = run.Workload,
            ["products"] = run.Products,
            ["equality_queries"] = equality.Queries,
            ["equal_top10"] = equality.HybridExact.OneNode,
            ["equal_top10_rrf"] = equality.RrfExact.OneNode,
            ["equal_top10_bm25"] = equality.Bm25.OneNode,
            ["equal_top10_dense_exact"] = equality.DenseExact.OneNode,
            ["equal_top10_hybrid_hnsw"] = equality.HybridHnsw.OneNode,
            ["same_as_in_process_sharded"] = $"hybrid {equality.HybridExact.InProcess}, rrf {equality.RrfExact.InProcess}, bm25 {equality.Bm25.InProcess}, dense {equality.DenseExact.InProcess}, hnsw {equality.HybridHnsw.InProcess} of {equality.Queries}",
            ["first_difference_from_one_node"] = equality.FirstDifference,
            ["products_read_equal"] = $"{equality.ProductsEqual}/{equality.Products}",
            ["queries"] = samples.Count,
            ["failed"] = samples.Count(s => s.Failed),
            ["failed_during_kill"] = after.Count(s => s.Failed) + samples.Count(s => s.Failed && s.StartSeconds < killSeconds && s.StartSeconds + s.LatencyMs / 1000 >= killSeconds),
            ["failure_reasons"] = string.Join(" | ", reasons.OrderByDescending(r => r.Value).Take(3).Select(r => $"{r.Value}× {r.Key}")),
            ["kill_at_seconds"] = Math.Round(killSeconds, 2),
            ["p50_ms_before"] = Round(LatencyStats.Percentile(before, 0.50)),
            ["p99_ms_before"] = Round(LatencyStats.Percentile(before, 0.99)),
            ["p99_ms_5s_after_kill"] = Round(LatencyStats.Percentile(window, 0.99)),
            ["max_ms_5s_after_kill"] = window.Length > 0 ? Round(window[^1]) : null,
            ["dead_declared_seconds"] = FirstAfter(h => h.ActiveSilos == silos - 1),
            ["recovery_seconds"] = FirstAfter(h => h.ActiveSilos == silos - 1 && h.IsAvailable),
            ["replicas_restored_seconds"] = FirstAfter(h => h.ActiveSilos == silos - 1 && h.IsFullyReplicated),
            ["queries_per_second"] = Round(samples.Count / (double)seconds),
        };
        if (json) Console.WriteLine(JsonSerializer.Serialize(result));
        else foreach (var (key, value) in result) Console.WriteLine($"{key}: {value}");
        return 0;
    }

    public static async Task<int> ThroughputAsync(string[] args)
    {
        var maxSilos = Option(args, "--max-silos", 4);
        var seconds = Option(args, "--seconds", 10);
        var workers = Option(args, "--workers", 4);
        var shards = Option(args, "--shards", 4);
        Console.WriteLine($"# Cluster throughput — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}");
        for (var silos = Option(args, "--min-silos", 1); silos <= maxSilos; silos++)
        {
            using var run = await ClusterRun.StartAsync(shards, silos, log: false);
            var clock = Stopwatch.StartNew();
            // Warm-up: every query once (JIT on every silo, the replicas' first reads), then the measured run.
            var patient = new ClusterRequestOptions { Budget = TimeSpan.FromSeconds(60), ResendAfter = TimeSpan.FromSeconds(60) }; // cold first queries may take seconds
            await Task.WhenAll(Enumerable.Range(0, 100).Chunk(25).Select(async chunk => { foreach (var i in chunk) await run.Request(i, patient); }));
            clock.Restart();
            var samples = await ClusterLoad.RunAsync(workers, TimeSpan.FromSeconds(seconds), clock, run.Request);
            var stats = LatencyStats.From(samples.Where(s => !s.Failed).Select(s => s.LatencyMs).ToArray(), TimeSpan.FromSeconds(seconds), workers);
            Console.WriteLine($"silos {silos}: {run.Workload}, {stats.QueriesPerSecond:F0} requests/s, p50 {stats.P50Ms:F1} ms, p99 {stats.P99Ms:F1} ms, " +
                              $"failed {samples.Count(s => s.Failed)}, load average {LoadAverage.OneMinute():F2}");
        }
        return 0;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms; whether it held before <paramref name="timeout"/>.</summary>
    internal static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    internal static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
