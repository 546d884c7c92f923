using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Cluster;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// <c>cluster-rebalance [--shards 4] [--workers 4] [--seconds 30] [--join-at 8] [--json]</c>: two silo processes (with
/// R = 2 each holds every shard) under closed-loop load, then a third joins mid-run and placement moves some shards to
/// it. Measures the queries that failed, latency before, during and after the move, when the new silo served its
/// shards, the fewest warm replicas any shard had meanwhile (from the silos' logs), and the cluster's answers against
/// the one node afterwards.
/// </summary>
internal static class ClusterRebalance
{
    public static async Task<int> RunAsync(string[] args)
    {
        var shards = ClusterHarness.Option(args, "--shards", 4);
        var workers = ClusterHarness.Option(args, "--workers", 4);
        var seconds = ClusterHarness.Option(args, "--seconds", 30);
        var joinAt = ClusterHarness.Option(args, "--join-at", 8);
        var json = args.Contains("--json");
        if (joinAt >= seconds) return ClusterHarness.Refuse("--join-at must be before the end of the run (--seconds).");
        const int replicas = 2;
        using var run = await ClusterRun.StartAsync(shards, silos: 3, log: !json, running: 2);

        var clock = Stopwatch.StartNew();
        // Two silos, R = 2: each serves every shard when the load starts.
        var timeline = new ReplicaTimeline(run.Silos, clock, Enumerable.Range(0, 2).SelectMany(silo => Enumerable.Range(0, shards).Select(shard => (silo, shard))), shards);
        var health = run.PollHealth(clock, TimeSpan.FromSeconds(seconds + 60));
        var joined = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(joinAt));
            var started = clock.Elapsed.TotalSeconds;
            await run.Silos.StartAsync(2, TimeSpan.FromSeconds(60));
            return (Started: started, Ready: clock.Elapsed.TotalSeconds);
        });
        var reasons = new ConcurrentDictionary<string, int>();
        var samples = await ClusterLoad.RunAsync(workers, TimeSpan.FromSeconds(seconds), clock, run.Request,
            ex => reasons.AddOrUpdate($"{ex.GetType().Name}: {ex.Message[..Math.Min(ex.Message.Length, 160)]}", 1, (_, n) => n + 1));
        var (joinSeconds, readySeconds) = await joined;
        var served = await health.WaitUntilAsync(h => h.ActiveSilos == 3 && h.IsFullyReplicated);
        // The shards placement moved to the new silo, and the old silos' releases of them (each after the new copy was warm).
        var moved = Enumerable.Range(0, shards).Count(shard => timeline.Events.Any(e => e.Silo == 2 && e.Shard == shard && e.Warm));
        var settled = await ClusterHarness.UntilAsync(() => timeline.Events.Count(e => !e.Warm) >= moved && moved > 0, TimeSpan.FromSeconds(60));
        var events = timeline.Events;
        var newWarm = events.Where(e => e.Silo == 2 && e.Warm).Select(e => e.Seconds).DefaultIfEmpty(double.NaN).Max();
        var lastRelease = events.Where(e => !e.Warm).Select(e => e.Seconds).DefaultIfEmpty(double.NaN).Max();
        var fullyServed = served.FirstOrDefault(s => s.Seconds >= joinSeconds && s.Health is { ActiveSilos: 3, IsFullyReplicated: true }).Seconds;
        var moveEnd = Math.Max(lastRelease, fullyServed);
        var equality = await run.CompareWithOneNodeAsync();

        double[] Latencies(Func<LoadSample, bool> when) => samples.Where(s => !s.Failed && when(s)).Select(s => s.LatencyMs).Order().ToArray();
        var before = Latencies(s => s.StartSeconds < joinSeconds);
        var during = Latencies(s => s.StartSeconds >= joinSeconds && s.StartSeconds < moveEnd);
        var after = Latencies(s => s.StartSeconds >= moveEnd);
        double? Since(double at) => double.IsNaN(at) || at == 0 ? null : Math.Round(at - joinSeconds, 2);
        var result = new Dictionary<string, object?>
        {
            ["machine"] = MachineInfo.Describe(),
            ["load_average_1m"] = LoadAverage.OneMinute(),
            ["silos"] = "2, then a 3rd joins",
            ["shards"] = shards,
            ["replicas"] = replicas,
            ["workers"] = workers,
            ["seconds"] = seconds,
            ["workload"] = run.Workload,
            ["products"] = run.Products,
            ["queries"] = samples.Count,
            ["failed"] = samples.Count(s => s.Failed),
            ["failed_during_move"] = samples.Count(s => s.Failed && s.StartSeconds + s.LatencyMs / 1000 >= joinSeconds && s.StartSeconds < moveEnd),
            ["failed_started_at_seconds_from_join"] = string.Join(",", samples.Where(s => s.Failed).Select(s => Math.Round(s.StartSeconds - joinSeconds, 2))),
            ["failure_reasons"] = string.Join(" | ", reasons.OrderByDescending(r => r.Value).Take(3).Select(r => $"{r.Value}× {r.Key}")),
            ["join_at_seconds"] = Math.Round(joinSeconds, 2),
            ["new_silo_process_ready_seconds"] = Since(readySeconds),
            ["shards_moved_to_new_silo"] = moved,
            ["new_silo_replicas_warm_seconds"] = Since(newWarm),
            ["cluster_fully_replicated_on_3_seconds"] = Since(fullyServed),
            ["old_replicas_released"] = events.Count(e => !e.Warm),
            ["last_old_replica_released_seconds"] = Since(lastRelease),
            ["releases_settled"] = settled,
            ["fewest_warm_replicas_per_shard"] = string.Join(",", timeline.FewestServing),
            ["never_below_r"] = timeline.FewestServing.All(n => n >= replicas),
            ["serving_after_per_shard"] = string.Join(",", Enumerable.Range(0, shards).Select(timeline.Serving)),
            ["p50_ms_before"] = Round(LatencyStats.Percentile(before, 0.50)),
            ["p99_ms_before"] = Round(LatencyStats.Percentile(before, 0.99)),
            ["queries_during_move"] = during.Length,
            ["p50_ms_during_move"] = Round(LatencyStats.Percentile(during, 0.50)),
            ["p99_ms_during_move"] = Round(LatencyStats.Percentile(during, 0.99)),
            ["max_ms_during_move"] = during.Length > 0 ? Round(during[^1]) : null,
            ["p50_ms_after"] = Round(LatencyStats.Percentile(after, 0.50)),
            ["p99_ms_after"] = Round(LatencyStats.Percentile(after, 0.99)),
            ["equality_queries"] = equality.Queries,
            ["equal_top10_after_move"] = equality.HybridExact.OneNode,
            ["equal_top10_rrf_after_move"] = equality.RrfExact.OneNode,
            ["equal_top10_bm25_after_move"] = equality.Bm25.OneNode,
            ["equal_top10_dense_exact_after_move"] = equality.DenseExact.OneNode,
            ["first_difference_from_one_node"] = equality.FirstDifference,
            ["products_read_equal_after_move"] = $"{equality.ProductsEqual}/{equality.Products}",
            ["queries_per_second"] = Round(samples.Count / (double)seconds),
        };
        if (json) Console.WriteLine(JsonSerializer.Serialize(result));
        else foreach (var (key, value) in result) Console.WriteLine($"{key}: {value}");
        return 0;
    }


    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);
}
