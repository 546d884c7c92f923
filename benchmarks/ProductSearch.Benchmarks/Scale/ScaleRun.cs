using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// One catalog size, in its own process (so its peak RSS is its own): generate the catalog, build the index through
/// the public <see cref="IndexWriter"/> (LiteDB + Lucene + HNSW, as <c>productsearch index</c> does), measure its
/// size on disk, time end-to-end searches at 1 and 2 threads, then HNSW alone at each ef against exact search.
/// Usage: <c>scale-one --size N [--real] --result FILE [--work DIR] [--queries N] [--keep]</c>.
/// </summary>
internal static class ScaleRun
{
    public static readonly int[] EfValues = [16, 32, 64, 128, 256];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        var total = Stopwatch.StartNew();
        var label = options.Label;
        var index = Path.Combine(options.WorkFolder, label);
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        Log(label, $"building {options.Size:N0} products with {(options.RealModel ? BuiltInModels.DefaultName + " (real model)" : "synthetic vectors")} into {index}");
        var started = DateTime.UtcNow;
        var loadStart = LoadAverage.OneMinute();

        // Embedder: the real default model, recorded so exact search sees the same vectors; or the synthetic stand-in.
        var modelLoad = Stopwatch.StartNew();
        var synthetic = new SyntheticEmbedder();
        RecordingEmbedder? recording = options.RealModel ? new RecordingEmbedder(CreateModel()) : null;
        ITextEmbedder embedder = recording is null ? synthetic : recording;
        modelLoad.Stop();

        var titleHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var products = SyntheticCatalog.Products(options.Size).Select(p =>
        {
            titleHash.AppendData(Encoding.UTF8.GetBytes(p.Title + "\n"));
            return p;
        });
        var build = Stopwatch.StartNew();
        IndexCommitReport commit;
        using (var writer = IndexWriter.Open(index, embedder, options.RealModel ? BuiltInModels.DefaultName : synthetic.ModelName, new IndexWriterOptions { Rebuild = true }))
        {
            commit = await writer.WriteAsync(products.ToAsyncEnumerable(), new CatalogReadReport { Path = $"synthetic-{options.Size}.catalog" }, SyncMode.Mirror);
        }
        build.Stop();
        var buildPeak = ProcessMemory.PeakResidentBytes();
        var resetWorked = ProcessMemory.TryResetPeak();
        Log(label, $"built in {build.Elapsed.TotalSeconds:F1} s ({options.Size / build.Elapsed.TotalSeconds:F0} products/s), peak RSS {buildPeak / 1048576.0:F0} MiB");

        var layout = new IndexLayout(index);
        var generation = commit.Manifest.Generation;
        var result = new ScaleResult
        {
            Label = label,
            Size = options.Size,
            Vectors = embedder.ModelName,
            CatalogSha256 = Convert.ToHexStringLower(titleHash.GetHashAndReset()),
            Machine = MachineInfo.Describe(),
            StartedUtc = started,
            LoadAverageStart = loadStart,
            ModelLoadSeconds = modelLoad.Elapsed.TotalSeconds,
            BuildSeconds = build.Elapsed.TotalSeconds,
            BuildPeakRssBytes = buildPeak,
            PeakResetWorked = resetWorked,
            IndexBytes = DiskUsage.Of(index),
            StoreBytes = DiskUsage.Of(layout.ProductStorePath(generation)),
            LexicalBytes = DiskUsage.Of(layout.LexicalPath(generation)),
            VectorBytes = DiskUsage.Of(layout.VectorPath(generation)),
        };

        var queries = SyntheticCatalog.Queries(options.Queries);
        var queryVectors = QueryVectors(queries, recording, synthetic, result);
        MeasureQueries(index, queries, queryVectors, embedder, synthetic, options.RealModel, result);
        result.SearchPeakRssBytes = ProcessMemory.PeakResidentBytes();

        MeasureHnsw(layout, commit.Manifest, queries, queryVectors, recording, synthetic, options.Size, result);
        if (!options.Keep) Directory.Delete(index, recursive: true);
        result.LoadAverageEnd = LoadAverage.OneMinute();
        result.TotalSeconds = total.Elapsed.TotalSeconds;
        await File.WriteAllTextAsync(options.ResultPath, JsonSerializer.Serialize(result, ScaleJson.Options));
        Log(label, $"done in {total.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    // intraOpThreads 0 lets ONNX Runtime use every core (best for one query at a time); with two searching threads
    // on two cores, one intra-op thread per query avoids four spinning threads fighting over two cores.
    private static OnnxSentenceEmbedder CreateModel(int intraOpThreads = 0) =>
        OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = BuiltInModels.DefaultName, Device = ComputeDevice.Cpu, QueryCacheSize = 0, IntraOpThreads = intraOpThreads });

    // Query vectors for the runs that leave the model out; with the real model, its per-query cost is measured here too.
    private static Dictionary<string, float[]> QueryVectors(IReadOnlyList<string> queries, RecordingEmbedder? recording, SyntheticEmbedder synthetic, ScaleResult result)
    {
        if (recording is null) return queries.ToDictionary(q => q, synthetic.EmbedOne, StringComparer.Ordinal);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var query in queries.Take(100)) recording.Embed([query], EmbeddingPurpose.Query); // warm-up
        result.QueryEmbedding = TimedRunner.Run(queries, 1, q =>
        {
            var vector = recording.Embed([q], EmbeddingPurpose.Query)[0];
            lock (vectors) vectors[q] = vector;
        });
        return vectors;
    }

    private static void MeasureQueries(string index, IReadOnlyList<string> queries, Dictionary<string, float[]> queryVectors,
        ITextEmbedder builtWith, SyntheticEmbedder synthetic, bool realModel, ScaleResult result)
    {
        // With the query model's cost: the real model (cache off), or the synthetic vectors paced by a real model run.
        ITextEmbedder Live(int intraOpThreads) => realModel ? CreateModel(intraOpThreads) : new ModelPacedEmbedder(synthetic, CreateModel(intraOpThreads));
        // A query the engine corrects embeds the corrected text, which was not precomputed: the model embeds it then
        // (with the real model; the synthetic stand-in is instant), and the line says for how many queries.
        ITextEmbedder Precomputed(int threads) => new PrecomputedEmbedder(builtWith.ModelName, builtWith.ModelSha256, builtWith.Dimensions,
            new Dictionary<string, float[]>(), queryVectors, realModel ? CreateModel(1) : synthetic);

        Measure("hybrid", Live(0), SearchMode.Hybrid, 1);
        Measure("hybrid-intra1", Live(1), SearchMode.Hybrid, 1);
        Measure("hybrid", Live(1), SearchMode.Hybrid, 2);
        Measure("hybrid-noembed", Precomputed(1), SearchMode.Hybrid, 1);
        Measure("hybrid-noembed", Precomputed(2), SearchMode.Hybrid, 2);
        Measure("bm25", Precomputed(1), SearchMode.Bm25, 1);
        Measure("dense-noembed", Precomputed(1), SearchMode.Dense, 1);

        void Measure(string name, ITextEmbedder embedder, SearchMode mode, int threads)
        {
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, embedder);
            void Search(string q) => engine.SearchAsync(new SearchRequest { Query = q, K = 10, Mode = mode }).GetAwaiter().GetResult();
            TimedRunner.Run(queries, threads, Search); // warm-up: JIT, page cache, Lucene and LiteDB caches
            var stats = TimedRunner.Run(queries, threads, Search);
            result.Queries[$"{name}/{threads}"] = stats;
            var misses = embedder is PrecomputedEmbedder precomputed && precomputed.Misses > 0 ? $", {precomputed.Misses} corrected texts embedded by the model" : "";
            Log(result.Label, $"{name,-15} {threads} thread(s): p50 {stats.P50Ms:F2} ms, p99 {stats.P99Ms:F2} ms, {stats.QueriesPerSecond:F0} queries/s{misses} (load {LoadAverage.OneMinute()})");
        }
    }

    private static void MeasureHnsw(IndexLayout layout, IndexManifest manifest, IReadOnlyList<string> queries, Dictionary<string, float[]> queryVectors,
        RecordingEmbedder? recording, SyntheticEmbedder synthetic, int size, ScaleResult result)
    {
        var dimensions = manifest.Model.Dimensions;
        var rows = new float[(long)size * dimensions];
        if (recording is not null)
        {
            if (recording.Documents.Count != size) throw new InvalidOperationException($"Recorded {recording.Documents.Count} document vectors for {size} products.");
            for (var i = 0; i < size; i++) recording.Documents[i].CopyTo(rows, (long)i * dimensions);
        }
        else
        {
            var titles = SyntheticCatalog.Products(size).Select(p => p.Title).ToArray();
            Parallel.For(0, size, i => synthetic.EmbedOne(titles[i]).CopyTo(rows, (long)i * dimensions));
        }
        var vectors = queries.Select(q => queryVectors[q]).ToArray();
        var exactTimer = Stopwatch.StartNew();
        var exactSearch = new ExactSearch(rows, dimensions);
        var exact = exactSearch.SearchAll(vectors, 10);
        result.ExactSearchSeconds = exactTimer.Elapsed.TotalSeconds;
        Log(result.Label, $"exact top-10 of {vectors.Length} queries in {exactTimer.Elapsed.TotalSeconds:F1} s (2 threads)");

        using var hnsw = UsearchIndex.Load(layout.VectorPath(manifest.Generation), manifest.Hnsw.ToOptions(dimensions));
        result.Hnsw.AddRange(SweepEf(hnsw, vectors, exactSearch, exact, message => Log(result.Label, message)));
    }

    /// <summary>
    /// Recall@10 against <paramref name="exact"/> and queries/s on 1 and 2 threads at each of <see cref="EfValues"/>;
    /// the graph's keys are product numbers from 1 (row + 1).
    /// </summary>
    public static List<HnswPoint> SweepEf(UsearchIndex hnsw, float[][] vectors, ExactSearch exactSearch, int[][] exact, Action<string> log)
    {
        var points = new List<HnswPoint>();
        foreach (var ef in EfValues)
        {
            hnsw.ExpansionSearch = ef;
            var found = new IReadOnlyCollection<int>[vectors.Length];
            var order = Enumerable.Range(0, vectors.Length).ToArray();
            TimedRunner.Run(order, 1, i => hnsw.Search(vectors[i], 10)); // warm-up
            var one = TimedRunner.Run(order, 1, i => found[i] = hnsw.Search(vectors[i], 10).Select(h => (int)h.Key - 1).ToArray());
            var two = TimedRunner.Run(order, 2, i => hnsw.Search(vectors[i], 10));
            var recall = exactSearch.Recall(vectors, exact, found, 10);
            points.Add(new HnswPoint(ef, recall, one, two));
            log($"HNSW ef {ef,3}: recall@10 {recall:F4}, 1 thread {one.QueriesPerSecond:F0} q/s (p50 {one.P50Ms:F3} ms), 2 threads {two.QueriesPerSecond:F0} q/s");
        }
        return points;
    }

    private static void Log(string label, string message) => Console.Error.WriteLine($"[{label} {DateTime.Now:HH:mm:ss}] {message}");
}
