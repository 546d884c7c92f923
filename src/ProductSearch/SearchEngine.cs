using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Vector;

namespace ProductSearch;

/// <summary>
/// An open index and the model that reads queries for it: the query path. Embeds the query, takes candidates
/// from BM25 and HNSW, fuses them with RRF and reads the winners from the product store. Thread-safe: one
/// engine serves any number of concurrent searches.
/// </summary>
public sealed partial class SearchEngine : IDisposable
{
    private readonly ITextEmbedder _embedder;
    private readonly ProductStore _store;
    private readonly Bm25Searcher _lexical;
    private readonly IVectorIndex _vectors;

    private SearchEngine(SearchEngineOptions options, IndexManifest manifest, string path, ITextEmbedder embedder,
        ProductStore store, Bm25Searcher lexical, IVectorIndex vectors, RankingProfile profile)
    {
        DefaultProfile = profile;
        Manifest = manifest;
        IndexPath = path;
        _embedder = embedder;
        _store = store;
        _lexical = lexical;
        _vectors = vectors;
    }

    /// <summary>The manifest of the commit this engine reads.</summary>
    public IndexManifest Manifest { get; }

    /// <summary>The index folder.</summary>
    public string IndexPath { get; }

    /// <summary>The embedder that reads queries.</summary>
    public ITextEmbedder Embedder => _embedder;

    /// <summary>Opens the index named in <paramref name="options"/> with its model.</summary>
    /// <exception cref="IndexException">The index is missing or damaged, or was built with another model.</exception>
    /// <exception cref="ModelLoadException">The model cannot be loaded.</exception>
    public static SearchEngine Open(SearchEngineOptions options, ILoggerFactory? loggerFactory = null) =>
        Open(options, null, loggerFactory);

    /// <summary>
    /// Opens the index named in <paramref name="options"/> with a given embedder (a custom runtime, a GPU
    /// embedder, a test double); it must be the model the index was built with. The engine disposes it.
    /// </summary>
    /// <exception cref="IndexException">The index is missing or damaged, or was built with another model.</exception>
    public static SearchEngine Open(SearchEngineOptions options, ITextEmbedder? embedder, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SearchEngine>();
        var layout = new IndexLayout(options.IndexPath);
        var manifest = layout.ReadManifest();
        if (manifest.Format != IndexManifest.CurrentFormat)
            throw new IndexException($"Index '{layout.Root}' has layout version {manifest.Format}; this version of ProductSearch reads {IndexManifest.CurrentFormat}. Rebuild the index.");
        var generationFolder = layout.GenerationFolder(manifest.Generation);
        if (!Directory.Exists(generationFolder))
            throw new IndexException($"Index '{layout.Root}' names generation folder '{generationFolder}', which is missing; rebuild the index.");

        embedder ??= OnnxSentenceEmbedder.Create(new EmbedderOptions
        {
            Model = options.Model ?? manifest.Model.Source,
            Device = options.Device,
            IntraOpThreads = options.IntraOpThreads,
            ModelCacheDirectory = options.ModelCacheDirectory,
            QueryCacheSize = options.QueryCacheSize,
        }, logger);
        var disposables = new List<IDisposable> { embedder };
        try
        {
            EnsureSameModel(layout, manifest, embedder);
            var store = Guard(() => ProductStore.OpenReadOnly(layout.ProductStorePath(manifest.Generation)), layout.ProductStorePath(manifest.Generation));
            disposables.Add(store);
            var lexical = Guard(() => Bm25Searcher.Open(layout.LexicalPath(manifest.Generation)), layout.LexicalPath(manifest.Generation));
            disposables.Add(lexical);
            var vectors = Guard(() => UsearchIndex.Load(layout.VectorPath(manifest.Generation), manifest.Hnsw.ToOptions(manifest.Model.Dimensions)),
                layout.VectorPath(manifest.Generation));
            disposables.Add(vectors);
            logger.LogDebug("Opened {Path} (generation {Generation}, {Count} products, model {Model} on {Device}).",
                layout.Root, manifest.Generation, manifest.ProductCount, embedder.ModelName, embedder.ActiveDevice);
            var profile = options.Ranking ?? RankingProfileStore.Read(layout.Root) ?? RankingProfile.Default;
            return new SearchEngine(options, manifest, layout.Root, embedder, store, lexical, vectors, profile);
        }
        catch
        {
            foreach (var disposable in disposables) disposable.Dispose();
            throw;
        }
    }

    /// <summary>The ranking profile searches use unless a request brings its own.</summary>
    public RankingProfile DefaultProfile { get; }

    /// <summary>Searches; see <see cref="Search"/>. The work is CPU-bound and runs on the calling thread.</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request, cancellationToken));

    /// <summary>Answers <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range; the message names it.</exception>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var stopwatch = Stopwatch.StartNew();
        var profile = request.Ranking ?? DefaultProfile;
        var wanted = request.Offset + request.K;
        var depth = Math.Max(profile.CandidateDepth, wanted);

        var filter = request.Filters is { } filters ? LexicalFilter.Build(filters.ToClauses()) : null;
        var allowed = filter is null ? null : _lexical.MatchingKeys(filter);

        var lexical = request.Mode == SearchMode.Dense ? [] : RetrieveLexical(request.Query, depth, profile.Lexical, filter);
        cancellationToken.ThrowIfCancellationRequested();

        var embeddingTime = TimeSpan.Zero;
        IReadOnlyList<(long Key, float Score)> dense = [];
        if (request.Mode != SearchMode.Bm25)
        {
            var embedStart = stopwatch.Elapsed;
            dense = RetrieveDense(request.Query, depth, allowed, cancellationToken);
            embeddingTime = stopwatch.Elapsed - embedStart;
        }

        var fused = request.Mode switch
        {
            SearchMode.Bm25 => Single(lexical, lexicalSide: true),
            SearchMode.Dense => Single(dense, lexicalSide: false),
            _ => profile.Fuse(lexical, dense),
        };
        var page = fused.Skip(request.Offset).Take(request.K).ToArray();
        var products = _store.GetMany(page.Select(c => c.Key));
        var hitsOut = new List<SearchHit>(page.Length);
        foreach (var candidate in page)
        {
            // A key missing from the store would mean the stores disagree; skip it rather than show a hole.
            if (!products.TryGetValue(candidate.Key, out var product)) continue;
            var explanation = request.Explain ? Explain(request, profile, candidate) : null;
            hitsOut.Add(new SearchHit(request.Offset + hitsOut.Count + 1, product, candidate.FusedScore, candidate.Lexical, candidate.Dense, explanation));
        }
        return new SearchResponse(hitsOut, request.Mode, stopwatch.Elapsed, embeddingTime, allowed?.Count);
    }

    /// <summary>BM25 candidates, best first.</summary>
    internal IReadOnlyList<(long Key, float Score)> RetrieveLexical(string query, int depth, LexicalQuerySettings settings, Lucene.Net.Search.Query? filter = null) =>
        _lexical.Search(query, depth, settings, filter).Select(h => (h.Key, h.Score)).ToArray();

    /// <summary>Dense candidates (cosine similarity), best first; only keys in <paramref name="allowed"/> when given.</summary>
    internal IReadOnlyList<(long Key, float Score)> RetrieveDense(string query, int depth, KeySet? allowed = null, CancellationToken cancellationToken = default)
    {
        if (allowed is { Count: 0 }) return [];
        var vector = _embedder.Embed([query], EmbeddingPurpose.Query, cancellationToken)[0];
        var take = (int)Math.Min(depth, Math.Max(Math.Min(_vectors.Count, allowed?.Count ?? long.MaxValue), 1));
        var hits = allowed is null ? _vectors.Search(vector, take) : _vectors.Search(vector, take, allowed.Contains);
        // USearch's cosine distance is 1 − cosine similarity; report the similarity, higher is better.
        return hits.Select(h => ((long)h.Key, 1f - h.Distance)).ToArray();
    }

    /// <summary>Every product key with its catalog id.</summary>
    internal IReadOnlyDictionary<long, string> ProductIdsByKey() => _store.Keys().ToDictionary(k => k.Key, k => k.ProductId);

    private SearchExplanation Explain(SearchRequest request, RankingProfile profile, FusedCandidate candidate)
    {
        var lucene = request.ExplainLexical && candidate.Lexical is not null ? _lexical.Explain(request.Query, candidate.Key, profile.Lexical) : null;
        if (request.Mode != SearchMode.Hybrid)
            return new SearchExplanation(null, candidate.LexicalPart, candidate.DensePart,
                request.Mode == SearchMode.Bm25 ? "BM25 score" : "cosine similarity", lucene);
        var formula = profile.Method == FusionMethod.Rrf
            ? FormattableString.Invariant($"RRF: {profile.LexicalWeight}/({profile.RrfRankConstant}+{Rank(candidate.Lexical)}) + {profile.DenseWeight}/({profile.RrfRankConstant}+{Rank(candidate.Dense)}) = {candidate.LexicalPart:F5} + {candidate.DensePart:F5}")
            : FormattableString.Invariant($"convex ({profile.Normalizer}): {1 - profile.Alpha:F2}·lexical + {profile.Alpha:F2}·dense = {candidate.LexicalPart:F4} + {candidate.DensePart:F4}");
        return new SearchExplanation(profile.Method, candidate.LexicalPart, candidate.DensePart, formula, lucene);
    }

    private static string Rank(RetrieverHit? hit) => hit is { } h ? h.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "∞";

    private static FusedCandidate[] Single(IReadOnlyList<(long Key, float Score)> list, bool lexicalSide) =>
        list.Select((h, i) => new FusedCandidate(h.Key, h.Score,
            lexicalSide ? new RetrieverHit(i + 1, h.Score) : null,
            lexicalSide ? null : new RetrieverHit(i + 1, h.Score),
            lexicalSide ? h.Score : 0, lexicalSide ? 0 : h.Score)).ToArray();

    private static void EnsureSameModel(IndexLayout layout, IndexManifest manifest, ITextEmbedder embedder)
    {
        if (embedder.Dimensions == manifest.Model.Dimensions && embedder.ModelSha256 == manifest.Model.Sha256) return;
        throw new IndexException(
            $"Index '{layout.Root}' was built with model '{manifest.Model.Name}' ({manifest.Model.Dimensions}-d, sha256 {manifest.Model.Sha256[..12]}…), " +
            $"but the model given is '{embedder.ModelName}' ({embedder.Dimensions}-d, sha256 {embedder.ModelSha256[..12]}…). " +
            "Search with the index's model, or rebuild the index with this one.");
    }

    private static T Guard<T>(Func<T> open, string path)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is not IndexException and not OutOfMemoryException)
        {
            throw new IndexException($"Cannot open '{path}': {ex.Message}. Run 'productsearch index' again to rebuild the index.", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _vectors.Dispose();
        _lexical.Dispose();
        _store.Dispose();
        _embedder.Dispose();
    }
}
