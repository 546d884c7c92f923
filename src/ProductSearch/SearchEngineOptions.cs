using ProductSearch.Embedding;

namespace ProductSearch;

/// <summary>Options of a <see cref="SearchEngine"/>.</summary>
public sealed class SearchEngineOptions
{
    /// <summary>The index folder.</summary>
    public string IndexPath { get; set; } = "indexes/demo";

    /// <summary>
    /// The model to embed queries with: <c>null</c> uses the one the index was built with; otherwise a built-in
    /// name or a folder, which must be the same model (same weights) as the index's.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Where the model runs.</summary>
    public ComputeDevice Device { get; set; } = ComputeDevice.Auto;

    /// <summary>
    /// ONNX Runtime intra-op threads of the query model; 0 lets ONNX Runtime choose (one per core). The default, 1,
    /// runs each query's model on the searching thread alone: a short query gains little from a second thread on an
    /// idle machine and loses much when anything else runs (at 100k products on a shared 2-core machine, hybrid p50
    /// 7.5 ms with 1 thread against 15.5 ms with one per core, p99 20.7 against 71.7 ms; benchmarks/RESULTS.md,
    /// "Query-model threads under load"), and concurrent searches each get a core instead of fighting over them. Index building does not use
    /// this: its embedder (<see cref="EmbedderOptions.IntraOpThreads"/>, default 0) keeps every core for its batches.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// The ranking profile for requests that bring none; <c>null</c> uses the index's <c>ranking-profile.json</c>
    /// (written by <c>productsearch tune</c>) or else <see cref="Ranking.RankingProfile.Default"/>.
    /// </summary>
    public Ranking.RankingProfile? Ranking { get; set; }

    /// <summary>
    /// How often a search checks (in the background) whether the index has a newer commit or ranking profile, and
    /// moves to it; <see cref="TimeSpan.Zero"/> turns that off (call <see cref="SearchEngine.Refresh"/> yourself).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Query embeddings kept for repeated queries; 0 turns the cache off.</summary>
    public int QueryCacheSize { get; set; } = 1024;

    /// <summary>
    /// Answers kept for repeated identical requests on the current commit (least recently used go first; emptied
    /// when the engine moves to a newer commit or profile); 0 turns the cache off. Each answer holds its page of
    /// products, so the memory it takes grows with page size and product text.
    /// </summary>
    public int ResultCacheSize { get; set; } = 512;

    /// <summary>
    /// Products whose text side (analysed title and brand, numbers and units) the learned second stage keeps once it
    /// has read them for the current commit; 0 turns the cache off. A few kilobytes each: reading and analysing the
    /// top N products is most of the rerank stage's cost (benchmarks/RESULTS.md, "Learned second stage").
    /// </summary>
    public int RankerProductCacheSize { get; set; } = 20_000;

    /// <summary>
    /// Suggestions from past queries that found something (<see cref="SuggestionKind.PastQuery"/>): how many are
    /// remembered, how often one must have been searched before it is offered, and the behaviour log read at start.
    /// </summary>
    public PastQueryOptions PastQueries { get; set; } = new();

    /// <summary>Where built-in models are unpacked; <c>null</c> for the default.</summary>
    public string? ModelCacheDirectory { get; set; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(IndexPath)) throw new ArgumentException("The index path is empty.", nameof(IndexPath));
        if (IntraOpThreads < 0) throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, "IntraOpThreads must not be negative (0 lets ONNX Runtime choose).");
        if (RefreshInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RefreshInterval), RefreshInterval, "RefreshInterval must not be negative (zero turns automatic refresh off).");
        if (QueryCacheSize < 0) throw new ArgumentOutOfRangeException(nameof(QueryCacheSize), QueryCacheSize, "QueryCacheSize must not be negative (0 turns the cache off).");
        if (RankerProductCacheSize < 0)
            throw new ArgumentOutOfRangeException(nameof(RankerProductCacheSize), RankerProductCacheSize, "RankerProductCacheSize must not be negative (0 turns the cache off).");
        if (ResultCacheSize < 0) throw new ArgumentOutOfRangeException(nameof(ResultCacheSize), ResultCacheSize, "ResultCacheSize must not be negative (0 turns the cache off).");
        Ranking?.Validate();
        if (PastQueries is null) throw new ArgumentException("PastQueries must not be null (set MaxQueries to 0 to turn past-query suggestions off).", nameof(PastQueries));
        PastQueries.Validate();
    }
}
