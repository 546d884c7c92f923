using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Cluster;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// <c>cluster-crash [--trials 20] [--batch 5] [--seed N] [--postgres CONN] [--abandon] [--json]</c>: the kill -9 harness for the
/// cluster's writer. Three silo processes over a scratch copy of the ESCI cluster folder; a client writes batches through
/// <see cref="ProductSearchClusterClient.UpsertAsync"/> one after another. Each trial SIGKILLs, at a random instant
/// within a batch, a silo: with a PostgreSQL membership table, in odd trials the silo whose log last said it committed
/// (the writer grain's) and in even ones another (a replica being copied to); with localhost clustering the writer's silo
/// unless it is the seed, which that clustering cannot lose (then another). It measures how long until a write is acknowledged again, restarts
/// the silo, and checks: every acknowledged product is found with its acknowledged title through the cluster and on
/// every replica's copy; the cluster folder's generations.json names each shard's own commit, and every shard (the
/// cluster's and each replica's) passes the core's verifier with its files' SHA-256; and each batch that was not
/// acknowledged is wholly present or wholly absent (one batch is one cluster generation).
/// </summary>
internal static partial class ClusterCrash
{
    private const string Model = "arctic-xs";

    public static async Task<int> RunAsync(string[] args)
    {
        var trials = ClusterHarness.Option(args, "--trials", 20);
        var size = ClusterHarness.Option(args, "--batch", 5);
        var seed = ClusterHarness.Option(args, "--seed", 20261207);
        var json = args.Contains("--json");
        var postgres = ClusterHarness.Text(args, "--postgres");
        // The client gives up on the batch in flight at the kill: batches left in doubt, to check they land whole or not at all.
        var abandon = args.Contains("--abandon");
        if (size < 2) return ClusterHarness.Refuse("--batch must be at least 2: new products and one update.");
        const int shards = 4;
        var total = Stopwatch.StartNew();
        using var run = await ClusterRun.StartAsync(shards, silos: 3, log: !json, postgres, scratch: true);
        using var model = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = Model, Device = ComputeDevice.Cpu });
        var clock = Stopwatch.StartNew();
        var commits = new CommitWatch(run.Silos, clock);
        var ledger = new WriteLedger();
        var random = new Random(seed);
        var outcomes = new List<Dictionary<string, object?>>();
        var problems = new List<string>();

        // Warm-up (not a trial): the writer grain activates, and how long a batch takes here sets the kill window.
        using (var warm = new CancellationTokenSource())
        {
            var loop = ledger.WriteAsync(run.Client, 0, size, random, clock, warm.Token);
            await ClusterHarness.UntilAsync(() => ledger.Batches.Count(b => b.AcknowledgedSeconds is not null) >= 4, TimeSpan.FromSeconds(120));
            await warm.CancelAsync();
            await loop;
        }
        var batchSeconds = ledger.Batches.Where(b => b.AcknowledgedSeconds is not null).Select(b => b.AcknowledgedSeconds!.Value - b.StartedSeconds).Order().ToArray();
        var window = batchSeconds[batchSeconds.Length / 2] * 1.3;
        if (!json) Console.WriteLine($"warm-up: median batch {batchSeconds[batchSeconds.Length / 2] * 1000:F0} ms; kills fall within {window * 1000:F0} ms of a batch's start");

        for (var trial = 1; trial <= trials; trial++)
        {
            using var stop = new CancellationTokenSource();
            var acknowledgedBefore = ledger.Batches.Count(b => b.AcknowledgedSeconds is not null);
            var loop = ledger.WriteAsync(run.Client, trial, size, random, clock, stop.Token);
            // Kill within a batch that starts after at least one acknowledged in this trial.
            await ClusterHarness.UntilAsync(() => ledger.Batches.Count(b => b.AcknowledgedSeconds is not null) > acknowledgedBefore, TimeSpan.FromSeconds(60));
            var target = ledger.InFlight;
            var delay = random.NextDouble() * window;
            if (target is not null) await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, target.StartedSeconds + delay - clock.Elapsed.TotalSeconds)));
            var writer = commits.LastCommitter;
            var victim = Victim(writer, trial, postgres is not null, random);
            var inFlight = ledger.InFlight;
            var phase = inFlight is null ? "between batches"
                : commits.CommittedSince(inFlight.StartedSeconds) ? "mid-replication" : "mid-commit";
            var killSeconds = clock.Elapsed.TotalSeconds;
            run.Silos.Kill(victim);
            if (abandon) ledger.AbandonInFlight();
            var writable = await ClusterHarness.UntilAsync(() => ledger.Batches.Any(b => b.AcknowledgedSeconds > killSeconds), TimeSpan.FromSeconds(90));
            var writableSeconds = ledger.Batches.Where(b => b.AcknowledgedSeconds > killSeconds).Select(b => b.AcknowledgedSeconds!.Value).DefaultIfEmpty(double.NaN).Min() - killSeconds;
            await stop.CancelAsync();
            await loop;

            var restart = Stopwatch.StartNew();
            await run.Silos.StartAsync(victim, TimeSpan.FromSeconds(90));
            await run.WaitAsync(h => h.ActiveSilos == 3 && h.IsFullyReplicated && h.Shards.All(s => s.Replicas.All(r => r.Generation == h.Generation)), TimeSpan.FromSeconds(120));
            var rejoinSeconds = restart.Elapsed.TotalSeconds;

            var found = await CheckAsync(run, ledger, model, shards);
            problems.AddRange(found.Problems.Select(p => $"trial {trial}: {p}"));
            outcomes.Add(new Dictionary<string, object?>
            {
                ["trial"] = trial,
                ["victim"] = victim + 1,
                ["victim_hosted_writer"] = writer == victim,
                ["phase"] = writer == victim ? phase : "replica silo, " + phase,
                ["batch_in_flight_acknowledged"] = inFlight?.AcknowledgedSeconds is not null,
                ["writable_again_seconds"] = double.IsNaN(writableSeconds) ? null : Math.Round(writableSeconds, 2),
                ["rejoined_seconds"] = Math.Round(rejoinSeconds, 1),
                ["acknowledged_products"] = found.Acknowledged,
                ["lost"] = found.Lost,
                ["wrong_content"] = found.Wrong,
                ["replica_reads"] = found.ReplicaReads,
                ["in_doubt_batches"] = found.InDoubt,
                ["in_doubt_present"] = found.InDoubtPresent,
            });
            if (!json) Console.WriteLine(string.Join(", ", outcomes[^1].Select(p => $"{p.Key} {p.Value}")));
            if (!writable) problems.Add($"trial {trial}: no write was acknowledged within 90 s of the kill");
        }

        var writableTimes = outcomes.Select(o => o["writable_again_seconds"]).OfType<double>().Order().ToArray();
        var result = new Dictionary<string, object?>
        {
            ["machine"] = MachineInfo.Describe(),
            ["load_average_1m"] = LoadAverage.OneMinute(),
            ["silos"] = 3,
            ["clustering"] = postgres is null ? "localhost (silo 1 is the seed, never killed)" : "ADO.NET, PostgreSQL membership table",
            ["shards"] = shards,
            ["replicas"] = 2,
            ["trials"] = trials,
            ["client_abandons_batch_in_flight_at_kill"] = abandon,
            ["batch"] = $"{size} products per UpsertAsync: {size - 1} new, 1 update of an acknowledged one",
            ["median_batch_ms"] = Math.Round(batchSeconds[batchSeconds.Length / 2] * 1000),
            ["kills_writer_mid_commit"] = outcomes.Count(o => (string)o["phase"]! == "mid-commit"),
            ["kills_writer_mid_replication"] = outcomes.Count(o => (string)o["phase"]! == "mid-replication"),
            ["kills_writer_between_batches"] = outcomes.Count(o => (string)o["phase"]! == "between batches"),
            ["kills_replica_silo"] = outcomes.Count(o => ((string)o["phase"]!).StartsWith("replica", StringComparison.Ordinal)),
            ["batches_acknowledged"] = ledger.Batches.Count(b => b.AcknowledgedSeconds is not null),
            ["batches_in_doubt"] = ledger.Batches.Count(b => b.Failed),
            ["acknowledged_products_checked_last"] = outcomes.Count > 0 ? outcomes[^1]["acknowledged_products"] : 0,
            ["acknowledged_lost"] = outcomes.Sum(o => (int)o["lost"]!),
            ["acknowledged_wrong_content"] = outcomes.Sum(o => (int)o["wrong_content"]!),
            ["writable_again_p50_seconds"] = writableTimes.Length > 0 ? writableTimes[writableTimes.Length / 2] : null,
            ["writable_again_max_seconds"] = writableTimes.Length > 0 ? writableTimes[^1] : null,
            ["problems"] = problems.Take(10).ToArray(),
            ["minutes"] = Math.Round(total.Elapsed.TotalMinutes, 1),
            ["per_trial"] = outcomes,
        };
        Console.WriteLine(json ? JsonSerializer.Serialize(result) : string.Join(Environment.NewLine, result.Where(p => p.Key != "per_trial").Select(p =>
            $"{p.Key}: {(p.Value is string[] list ? string.Join(" | ", list) : p.Value)}")));
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The silo to kill: the writer's, or (every other trial, or when the writer's is the seed localhost clustering cannot lose) another.</summary>
    private static int Victim(int? writer, int trial, bool anySiloMayDie, Random random)
    {
        var killable = Enumerable.Range(anySiloMayDie ? 0 : 1, anySiloMayDie ? 3 : 2).ToArray();
        if (writer is { } w && killable.Contains(w) && (!anySiloMayDie || trial % 2 == 1)) return w;
        var others = killable.Where(s => s != writer).ToArray();
        return others[random.Next(others.Length)];
    }

    private sealed record Findings(int Acknowledged, int Lost, int Wrong, int ReplicaReads, int InDoubt, int InDoubtPresent, IReadOnlyList<string> Problems);

    /// <summary>Everything a trial checks once the killed silo is back and every replica holds the cluster generation.</summary>
    private static async Task<Findings> CheckAsync(ClusterRun run, WriteLedger ledger, ITextEmbedder model, int shards)
    {
        var problems = new List<string>();
        var patient = new ClusterRequestOptions { Budget = TimeSpan.FromSeconds(30), ResendAfter = TimeSpan.FromSeconds(10) };
        var acknowledged = ledger.Acknowledged;
        var read = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>();
        await Parallel.ForEachAsync(acknowledged.Keys, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (id, _) => read[id] = (await run.Client.GetProductAsync(id, patient))?.Title);
        var (lost, wrong) = (0, 0);
        foreach (var (id, title) in acknowledged)
        {
            if (read[id] is not { } found) { lost++; problems.Add($"acknowledged '{id}' not found"); }
            else if (found != title) { wrong++; problems.Add($"acknowledged '{id}' reads '{found}', not '{title}'"); }
        }

        // Unacknowledged batches: all of their new products or none (an update shows the old title or the new one).
        var inDoubt = ledger.Batches.Where(b => b.Failed).ToArray();
        var present = 0;
        foreach (var batch in inDoubt)
        {
            var added = batch.Products.Where(p => !batch.Replaced.ContainsKey(p.Id)).ToArray();
            async Task<int> PresentAsync()
            {
                var count = 0;
                foreach (var product in added)
                    if (await run.Client.GetProductAsync(product.Id, patient) is not null) count++;
                return count;
            }
            var found = await PresentAsync();
            if (found > 0 && found < added.Length)
            {
                // Read again: an abandoned call may still have been committing between the reads of one pass.
                await Task.Delay(TimeSpan.FromSeconds(2));
                found = await PresentAsync();
            }
            if (found == added.Length) present++;
            else if (found > 0) problems.Add($"batch {batch.Number} (not acknowledged: {batch.Error}) is partly present: {found} of {added.Length}");
            foreach (var (id, before) in batch.Replaced)
                if ((await run.Client.GetProductAsync(id, patient))?.Title is var title && title != before && title != batch.Products.Single(p => p.Id == id).Title)
                    problems.Add($"'{id}', updated by batch {batch.Number} (not acknowledged), reads '{title}'");
        }

        // The cluster folder: one generation map naming each shard's own commit, each shard whole.
        var cluster = new ShardedIndexLayout(run.ClusterPath);
        var generations = cluster.ReadGenerations();
        for (var shard = 0; shard < shards; shard++)
        {
            var manifest = new IndexLayout(cluster.ShardFolder(shard)).ReadManifest();
            if (manifest.Generation != generations.Shards[shard].Generation)
                problems.Add($"cluster shard {shard}: manifest names generation {manifest.Generation}, generations.json {generations.Shards[shard].Generation}");
            problems.AddRange(IndexVerifier.Verify(cluster.ShardFolder(shard)).Problems.Select(p => $"cluster shard {shard}: {p}"));
        }

        // Every replica's copy: at the cluster generation, verified, and holding each acknowledged product of its shard.
        var health = await run.Client.GetHealthAsync();
        var router = new ShardRouter(shards);
        var byShard = acknowledged.GroupBy(p => router.ShardOf(p.Key)).ToDictionary(g => g.Key, g => g.ToArray());
        var replicaReads = 0;
        foreach (var shard in health.Shards)
        foreach (var replica in shard.Replicas)
        {
            var silo = SiloIndex(replica.Silo);
            var copy = new ShardedIndexLayout(run.ReplicaPath(silo));
            if (copy.ReadGenerations().Generation != generations.Generation)
                problems.Add($"silo {silo + 1}'s copy is at cluster generation {copy.ReadGenerations().Generation}, not {generations.Generation}");
            var folder = copy.ShardFolder(shard.Shard);
            problems.AddRange(IndexVerifier.Verify(folder).Problems.Select(p => $"silo {silo + 1} shard {shard.Shard}: {p}"));
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = folder, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new SharedEmbedder(model));
            foreach (var (id, title) in byShard.GetValueOrDefault(shard.Shard, []))
            {
                replicaReads++;
                if (engine.GetProduct(id)?.Title != title) problems.Add($"silo {silo + 1} shard {shard.Shard}: '{id}' reads '{engine.GetProduct(id)?.Title}', not '{title}'");
            }
        }
        return new Findings(acknowledged.Count, lost, wrong, replicaReads, inDoubt.Length, present, problems);
    }

    /// <summary>The harness's index of a silo from its address (<c>S127.0.0.1:PORT:EPOCH</c>).</summary>
    private static int SiloIndex(string silo) => int.Parse(SiloPort().Match(silo).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - SiloProcesses.FirstSiloPort;

    [GeneratedRegex(@":(\d+):")]
    private static partial Regex SiloPort();


    /// <summary>Which silo logged the writer's commits, and when (read from the silos' logs as they arrive).</summary>
    private sealed partial class CommitWatch
    {
        private readonly Stopwatch _clock;
        private readonly Lock _gate = new();
        private (int Silo, double Seconds)? _last;

        public CommitWatch(SiloProcesses silos, Stopwatch clock)
        {
            _clock = clock;
            silos.OutputLine += (silo, line) =>
            {
                if (!CommitLine().IsMatch(line)) return;
                lock (_gate) _last = (silo, _clock.Elapsed.TotalSeconds);
            };
        }

        /// <summary>The silo whose log showed the last commit: the writer grain's silo then.</summary>
        public int? LastCommitter
        {
            get { lock (_gate) return _last?.Silo; }
        }

        public bool CommittedSince(double seconds)
        {
            lock (_gate) return _last is { } last && last.Seconds >= seconds;
        }

        [GeneratedRegex(@"Committed cluster generation \d+")]
        private static partial Regex CommitLine();
    }
}
