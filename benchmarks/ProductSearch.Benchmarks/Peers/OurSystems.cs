using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// ProductSearch on the peer data: the whole engine (index built by <see cref="IndexBuilder"/> from the catalog
/// file, searched through <see cref="SearchEngine"/> with the default ranking profile) in bm25, dense and hybrid
/// mode, and its HNSW graph alone at each ef. Vectors come precomputed, so no timing includes the model.
/// </summary>
internal static class OurSystems
{
    public const string Name = "ProductSearch";

    public static async Task<IReadOnlyList<PeerResult>> RunEngineAsync(PeerData data, int minimumCalls)
    {
        var titles = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < data.Products.Count; i++) titles[ProductFingerprint.EmbeddedText(data.Products[i])] = data.TitleVectors[i];
        var queries = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < data.Queries.Count; i++) queries[data.Queries[i].Query] = data.QueryVectors[i];
        PrecomputedEmbedder Embedder() => new(PeerData.Model, data.Meta.ModelSha256, data.Meta.Dimensions, titles, queries);

        var index = Path.Combine(Path.GetTempPath(), "productsearch-peers-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var start = System.Diagnostics.Stopwatch.StartNew();
            using (var builder = Embedder()) await new IndexBuilder(builder, PeerData.Model).BuildAsync(Path.Combine(BenchmarkPaths.EsciDirectory, "products.jsonl"), index);
            var buildSeconds = start.Elapsed.TotalSeconds;
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, Embedder());
            return new[] { (SearchMode.Bm25, "bm25", "lexical"), (SearchMode.Dense, "dense", "dense"), (SearchMode.Hybrid, "hybrid (default profile)", "hybrid") }
                .Select(m => PeerTiming.Run(Name, m.Item2, m.Item3, buildSeconds, data.Queries, minimumCalls,
                    q => engine.Search(new SearchRequest { Query = q.Query, K = 10, Mode = m.Item1 }).Hits.Select(h => h.Product.Id).ToArray()))
                .ToArray();
        }
        finally
        {
            if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        }
    }

    /// <summary>
    /// Our USearch graph alone, with the engine's settings (M 16, ef_construction 128), at each ef: with the engine's
    /// cosine metric, and with inner product, which ranks unit vectors (as both built-in models emit) identically
    /// but skips the two norms cosine computes at every distance — the metric hnswlib's "cosine" space uses inside.
    /// </summary>
    public static IReadOnlyList<PeerResult> RunHnsw(PeerData data, int minimumCalls, IReadOnlyList<int> efValues) =>
        [.. RunHnsw(data, minimumCalls, efValues, VectorMetric.Cosine, "cosine"), .. RunHnsw(data, minimumCalls, efValues, VectorMetric.InnerProduct, "inner product")];

    private static IReadOnlyList<PeerResult> RunHnsw(PeerData data, int minimumCalls, IReadOnlyList<int> efValues, VectorMetric metric, string metricName)
    {
        var (index, buildSeconds) = PeerTiming.Build(() =>
        {
            var hnsw = UsearchIndex.Create(new HnswOptions { Dimensions = data.Meta.Dimensions, Metric = metric, Connectivity = 16, ExpansionAdd = 128 });
            hnsw.Reserve(data.TitleVectors.Length);
            hnsw.Add(Enumerable.Range(0, data.TitleVectors.Length).Select(i => (ulong)i).ToArray(), data.TitleVectors.SelectMany(v => v).ToArray());
            return hnsw;
        });
        using (index)
        {
            var byQuery = data.Queries.Select((q, i) => (q.QueryId, data.QueryVectors[i])).ToDictionary(x => x.QueryId, x => x.Item2);
            return efValues.Select(ef =>
            {
                index.ExpansionSearch = ef;
                return PeerTiming.Run($"{Name} HNSW (USearch, {metricName})", $"HNSW ef {ef}", "hnsw", buildSeconds, data.Queries, minimumCalls,
                    q => index.Search(byQuery[q.QueryId], 10).Select(h => data.Products[(int)h.Key].Id).ToArray(), ef);
            }).ToArray();
        }
    }
}
