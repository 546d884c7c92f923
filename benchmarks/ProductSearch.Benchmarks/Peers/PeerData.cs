using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// The shared inputs of the peer comparison, written once into a folder every system reads: <c>docs.jsonl</c> (id and
/// the search text: title and brand), <c>titles.f32</c> and <c>queries.f32</c> (all-MiniLM-L6-v2 vectors from our
/// embedder, little-endian float32 rows in file order), <c>queries.json</c> and <c>meta.json</c>. Embedding takes a
/// minute on two cores, so a folder made from the same catalog, queries and model is reused.
/// </summary>
internal sealed record PeerData(string Folder, IReadOnlyList<Product> Products, IReadOnlyList<QueryJudgments> Queries,
    float[][] TitleVectors, float[][] QueryVectors, PeerMeta Meta)
{
    public const string Model = "minilm";

    // camelCase: benchmarks/peers/data.mjs reads meta.json too.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string SearchText(Product p) => string.IsNullOrWhiteSpace(p.Brand) ? p.Title : p.Title + " " + p.Brand;

    public static async Task<PeerData> LoadAsync(string folder, bool reembed)
    {
        var productsPath = Path.Combine(BenchmarkPaths.EsciDirectory, "products.jsonl");
        var examplesPath = Path.Combine(BenchmarkPaths.EsciDirectory, "examples.tsv");
        if (!File.Exists(productsPath)) throw new FileNotFoundException($"The ESCI sample is needed: '{productsPath}' is missing (set PRODUCTSEARCH_SHARED_DIR).", productsPath);
        var products = new List<Product>();
        await using (var catalog = await CatalogReaders.OpenAsync(productsPath))
            await foreach (var product in catalog.ReadAsync()) products.Add(product);
        // The index keeps the last product of an id; so do the peers.
        products = products.GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var queries = JudgmentsReader.Read(examplesPath).Queries;
        using var inputs = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        inputs.AppendData(File.ReadAllBytes(productsPath));
        inputs.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', queries.Select(q => q.QueryId + '\t' + q.Query))));
        var inputsSha = Convert.ToHexStringLower(inputs.GetHashAndReset());

        Directory.CreateDirectory(folder);
        var metaPath = Path.Combine(folder, "meta.json");
        if (!reembed && File.Exists(metaPath) && JsonSerializer.Deserialize<PeerMeta>(File.ReadAllText(metaPath), Json) is { } cached
            && cached.InputsSha256 == inputsSha && cached.Model == Model && File.Exists(Path.Combine(folder, "queries.f32")))
        {
            Console.Error.WriteLine($"[peers] reusing the {Model} vectors in {folder} (embedded {cached.EmbeddedUtc:yyyy-MM-dd HH:mm} UTC; --reembed to redo)");
            return new PeerData(folder, products, queries, ReadRows(Path.Combine(folder, "titles.f32"), cached.Dimensions, products.Count),
                ReadRows(Path.Combine(folder, "queries.f32"), cached.Dimensions, queries.Count), cached);
        }

        Console.Error.WriteLine($"[peers] embedding {products.Count:N0} titles and {queries.Count} queries with {Model}…");
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = Model, Device = ComputeDevice.Cpu, QueryCacheSize = 0 });
        var load = LoadAverage.OneMinute();
        var stopwatch = Stopwatch.StartNew();
        var titleVectors = embedder.Embed(products.Select(ProductFingerprint.EmbeddedText).ToArray(), EmbeddingPurpose.Document);
        var titleSeconds = stopwatch.Elapsed.TotalSeconds;
        foreach (var q in queries) embedder.Embed([q.Query], EmbeddingPurpose.Query); // warm-up
        var queryVectors = new float[queries.Count][];
        var queryStats = TimedRunner.Run(Enumerable.Range(0, queries.Count).ToArray(), 1,
            i => queryVectors[i] = embedder.Embed([queries[i].Query], EmbeddingPurpose.Query)[0]);
        var meta = new PeerMeta(Model, embedder.ModelSha256, embedder.Dimensions, inputsSha, products.Count, queries.Count,
            titleSeconds, queryStats, DateTime.UtcNow, load, "title + \" \" + brand");

        WriteRows(Path.Combine(folder, "titles.f32"), titleVectors);
        WriteRows(Path.Combine(folder, "queries.f32"), queryVectors);
        await File.WriteAllLinesAsync(Path.Combine(folder, "docs.jsonl"), products.Select(p => JsonSerializer.Serialize(new { id = p.Id, text = SearchText(p) })));
        await File.WriteAllTextAsync(Path.Combine(folder, "queries.json"), JsonSerializer.Serialize(queries.Select(q => new { id = q.QueryId, text = q.Query })));
        await File.WriteAllTextAsync(metaPath, JsonSerializer.Serialize(meta, Json)); // last: its presence means the folder is complete
        return new PeerData(folder, products, queries, titleVectors, queryVectors, meta);
    }

    private static void WriteRows(string path, float[][] rows)
    {
        using var file = File.Create(path);
        foreach (var row in rows) file.Write(MemoryMarshal.AsBytes(row.AsSpan()));
    }

    private static float[][] ReadRows(string path, int dimensions, int count)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != (long)dimensions * count * sizeof(float)) throw new InvalidDataException($"'{path}' holds {bytes.Length} bytes, not {count} × {dimensions} floats; run with --reembed.");
        var rows = new float[count][];
        for (var i = 0; i < count; i++) rows[i] = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * dimensions * sizeof(float), dimensions * sizeof(float))).ToArray();
        return rows;
    }
}

/// <summary>What the vectors are and what embedding them cost (reported apart from every system's query speed).</summary>
internal sealed record PeerMeta(string Model, string ModelSha256, int Dimensions, string InputsSha256, int Documents, int Queries,
    double TitleEmbeddingSeconds, LatencyStats QueryEmbedding, DateTime EmbeddedUtc, double? LoadAverage, string SearchTextIs);
