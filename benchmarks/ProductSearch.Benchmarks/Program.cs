using System.Globalization;
using BenchmarkDotNet.Running;
using ProductSearch.Benchmarks;
using ProductSearch.Benchmarks.Scale;

// "e2e": the end-to-end harness; "scale"/"scale-one": the scale harness and its per-size child; "peers": the peer
// comparison; "crash": the kill -9 harness; "device": CUDA against CPU; "hnsw-storage": HNSW alone per vector storage;
// "filter-crossover": filtered HNSW against exact search per filter selectivity; "rerank": the learned second stage's cost; "click-simulation": judgments from simulated shoppers' clicks against the true ones;
// "build-profile": one generated catalog's build (products/s) and its search stage by stage;
// "query-threads": hybrid latency per query-model thread count, idle and beside one busy core ("spin" is its load);
// "cluster"/"cluster-throughput": the Orleans cluster's equality, SIGKILL fault run and overhead per silo count (issue 17);
// "cluster-rebalance": a third silo joining under load; "cluster-crash": the writer's silo killed mid-commit and mid-replication;
// "shopper-cost": typo tolerance, prefixes and suggestions at scale; "catalog-cost": facets, range filter and sort at scale; "commit-cost": a commit's time and disk growth per size of change; "fuzz", "damage", "enospc", "readonly": the hardening runs
// (issue 14); anything else goes to BenchmarkDotNet, with ShortRun unless a job is named.
// Numbers in tables and JSON are written the same way whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return args.FirstOrDefault() switch
{
    "e2e" => await EndToEndHarness.RunAsync(args[1..]),
    "cluster" => await ProductSearch.Benchmarks.Cluster.ClusterHarness.RunAsync(args[1..]),
    "cluster-throughput" => await ProductSearch.Benchmarks.Cluster.ClusterHarness.ThroughputAsync(args[1..]),
    "cluster-rebalance" => await ProductSearch.Benchmarks.Cluster.ClusterRebalance.RunAsync(args[1..]),
    "cluster-crash" => await ProductSearch.Benchmarks.Cluster.ClusterCrash.RunAsync(args[1..]),
    "scale" => await ScaleHarness.RunAsync(args[1..]),
    "scale-one" => await ScaleRun.RunAsync(args[1..]),
    "peers" => await ProductSearch.Benchmarks.Peers.PeerHarness.RunAsync(args[1..]),
    "crash" => CrashHarnessRun.Run(args[1..]),
    "device" => DeviceComparison.Run(args[1..]),
    "hnsw-storage" => HnswStorageHarness.Run(args[1..]),
    "build-profile" => await SearchProfileHarness.RunAsync(args[1..]),
    "filter-crossover" => FilterCrossoverHarness.Run(args[1..]),
    "rerank" => RerankHarness.Run(args[1..]),
    "query-threads" => await QueryThreadsHarness.RunAsync(args[1..]),
    "spin" => ProductSearch.Benchmarks.Common.BusyCore.Spin(args[1..]),
    "shopper-cost" => await ProductSearch.Benchmarks.Scale.ShopperCostHarness.RunAsync(args[1..]),
    "catalog-cost" => await CatalogCostHarness.RunAsync(args[1..]),
    "commit-cost" => await CommitCostHarness.RunAsync(args[1..]),
    "click-simulation" => await ProductSearch.Benchmarks.Clicks.ClickSimulationHarness.RunAsync(args[1..]),
    "fuzz" => await ProductSearch.Benchmarks.Hardening.FuzzRun.RunAsync(args[1..]),
    "damage" => ProductSearch.Benchmarks.Hardening.DamageRun.Run(args[1..]),
    "enospc" or "readonly" => ProductSearch.Benchmarks.Hardening.StorageRun.Run(args[0], args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    var withJob = args.Any(a => a is "--job" or "-j") ? args : [.. args, "--job", "short"];
    BenchmarkSwitcher.FromAssembly(typeof(EndToEndHarness).Assembly).Run(withJob);
    return 0;
}
