using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Merchandising;
using ProductSearch.Ranking;
using ProductSearch.Search;

namespace ProductSearch;

/// <summary>
/// An open index and the model that reads queries for it: the query path. A search runs as stages — prepare
/// (analyse, embed, build filters once), retrieve (BM25 and HNSW), fuse (RRF or convex), rerank (the index's learned
/// second stage, when it has one), apply the commit's merchandising rules, page, fetch the page's products — over one snapshot of the index, so it never
/// mixes two commits. Thread-safe: one engine serves any number of concurrent searches.
/// </summary>
public sealed partial class SearchEngine : IProductSearch, IDisposable
{
    private readonly ITextEmbedder _embedder;
    private readonly IndexLayout _layout;
    private readonly SnapshotManager _snapshots;
    private readonly RankingProfileSource _profiles;
    private readonly RefreshSchedule _profileSchedule;
    private readonly QueryPreparer _preparer;
    private readonly RankerFeatureExtractor _features = new();
    private readonly CandidateFeatures _candidateFeatures;
    private readonly RankerSource _rankers;
    private readonly SearchResultCache? _results;
    private readonly double _modelFloor;
    private readonly PastQueries? _pastQueries;
    private int _disposed;

    private SearchEngine(SearchEngineOptions options, IndexLayout layout, ITextEmbedder embedder, SnapshotManager snapshots, TimeProvider time, ILogger logger)
    {
        _layout = layout;
        _embedder = embedder;
        _snapshots = snapshots;
        _profiles = new RankingProfileSource(layout.Root, options.Ranking, logger);
        _profileSchedule = new RefreshSchedule(options.RefreshInterval, time);
        _preparer = new QueryPreparer(embedder);
        _modelFloor = BuiltInModels.FindBySha256(embedder.ModelSha256)?.RelevanceFloor ?? 0;
        _candidateFeatures = new CandidateFeatures(_features, options.RankerProductCacheSize);
        _rankers = new RankerSource(layout.Root, _candidateFeatures, logger);
        _results = options.ResultCacheSize > 0 ? new SearchResultCache(options.ResultCacheSize) : null;
        _pastQueries = OpenPastQueries(options.PastQueries, snapshots, time, logger);
        // Answers are keyed by commit, so stale ones are never served; emptying the cache only frees their memory.
        _snapshots.Changed += _ => _results?.Clear();
    }

    /// <summary>The manifest of the commit this engine reads now.</summary>
    public IndexManifest Manifest => _snapshots.Manifest;

    /// <summary>The index folder.</summary>
    public string IndexPath => _layout.Root;

    /// <summary>The embedder that reads queries.</summary>
    public ITextEmbedder Embedder => _embedder;

    /// <summary>The ranking profile searches use unless a request brings its own.</summary>
    public RankingProfile DefaultProfile => _profiles.Current.Profile;

    /// <summary>The merchandising rules of the commit this engine reads now (<see cref="MerchandisingRuleSet.Empty"/> when it has none).</summary>
    public MerchandisingRuleSet MerchandisingRules
    {
        get
        {
            using var lease = _snapshots.Acquire();
            return lease.Snapshot.Rules.Set;
        }
    }

    /// <summary>
    /// The index's learned second-stage ranker as this engine loaded it (<see cref="StoredRanker.Enabled"/> says whether
    /// hybrid searches use it), or <c>null</c> when the index has none this version can use.
    /// </summary>
    public StoredRanker? Ranker => _rankers.Current.Reranker?.Stored;

    /// <summary>Opens the index named in <paramref name="options"/> with its model.</summary>
    /// <exception cref="IndexException">The index is missing or damaged, or was built with another model or version.</exception>
    /// <exception cref="ModelLoadException">The model cannot be loaded.</exception>
    public static SearchEngine Open(SearchEngineOptions options, ILoggerFactory? loggerFactory = null) =>
        Open(options, null, loggerFactory);

    /// <summary>
    /// Opens the index named in <paramref name="options"/> with a given embedder (a custom runtime, a GPU
    /// embedder, a test double); it must be the model the index was built with. The engine disposes it.
    /// <paramref name="timeProvider"/> times the engine's background refreshes (default: the system clock).
    /// </summary>
    /// <exception cref="IndexException">The index is missing or damaged, or was built with another model or version.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static SearchEngine Open(SearchEngineOptions options, ITextEmbedder? embedder, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SearchEngine>();
        var layout = new IndexLayout(options.IndexPath);
        var manifest = layout.ReadManifest();
        EnsureSearchable(layout, manifest); // before the model loads: an old index fails at once
        embedder ??= OnnxSentenceEmbedder.Create(new EmbedderOptions
        {
            Model = string.IsNullOrWhiteSpace(options.Model) ? manifest.Model.Source : options.Model,
            Device = options.Device,
            IntraOpThreads = options.IntraOpThreads,
            ModelCacheDirectory = options.ModelCacheDirectory,
            QueryCacheSize = options.QueryCacheSize,
        }, logger);
        try
        {
            var model = embedder;
            var snapshots = SnapshotManager.Open(layout, s => EnsureCompatible(layout, s.Manifest, model), options.RefreshInterval, time, logger);
            EngineLog.Opened(logger, layout.Root, snapshots.Manifest.Generation, snapshots.Manifest.ProductCount, embedder.ModelName, embedder.ActiveDevice);
            return new SearchEngine(options, layout, embedder, snapshots, time, logger);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves to the index's newest commit, ranking profile and learned ranker if any changed since this engine last looked.
    /// Searches already running finish on the commit they started on. Engines also do this by themselves every
    /// <see cref="SearchEngineOptions.RefreshInterval"/>.
    /// </summary>
    /// <returns>Whether a newer commit, profile or ranker is now in use.</returns>
    /// <exception cref="IndexException">The newer commit cannot be opened; the engine stays on the current one.</exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public bool Refresh()
    {
        var rankingChanged = RefreshRanking();
        return _snapshots.Refresh() | rankingChanged;
    }

    /// <summary>Re-reads the ranking profile and the learned ranker, which live beside the commits, not in them.</summary>
    private bool RefreshRanking()
    {
        _profileSchedule.Succeeded();
        if (!(_profiles.Refresh() | _rankers.Refresh())) return false;
        _results?.Clear();
        return true;
    }

    /// <summary>Searches; see <see cref="Search"/>. The work is CPU-bound and runs on the calling thread.</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request, cancellationToken));

    /// <summary>Answers <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The engine was disposed.</exception>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.CheckedFilterClauses();
        var clock = StageClock.Start();
        using var lease = _snapshots.Acquire();
        var snapshot = lease.Snapshot;
        var shape = ResultShape.Check(request, snapshot.Schema);
        var (profile, reranker, cacheKey) = RankingFor(request, shape.Filters, snapshot);
        if (cacheKey is not null && _results is not null && _results.TryGet(cacheKey, out var cached))
        {
            RememberSearch(request, cached, snapshot);
            return cached with { Elapsed = clock.Total, EmbeddingTime = TimeSpan.Zero, FromCache = true, Timings = SearchTimings.None };
        }

        clock.Lap();
        var query = _preparer.Prepare(request, shape.Filters, profile, snapshot, cancellationToken);
        var prepareTime = clock.Lap();
        var tiers = RankedTiers(query, shape, reranker, snapshot, ref clock, cancellationToken);
        var (deepest, ranked, fuseTime) = (tiers.Deepest, tiers.Ranked, tiers.FuseTime);
        var (lexical, dense, fused) = (deepest.Lexical, deepest.Dense, deepest.Fused);
        query = deepest.Query;
        // Rules come after the shopper's sort, so a hidden product stays hidden and a pin keeps its place in any order;
        // timed with the second stage: both reorder the candidates.
        var merchandised = snapshot.Rules.Apply(query, ranked.Order);
        var rerankTime = tiers.RerankTime + clock.Lap();
        var hits = Fetch(query, TierSequence.Page(merchandised.Order, request), snapshot, ranked, reranker, merchandised);
        var fetchTime = clock.Lap();
        var facets = CountFacets(query, shape, merchandised.Order.Select(c => c.Key).ToArray(), snapshot, cancellationToken);

        var response = new SearchResponse(hits, request.Mode, clock.Total, query.EmbeddingTime, query.Allowed?.Count)
        {
            DidYouMean = query.Correction,
            BelowFloor = fused.BelowFloor.Count,
            BelowFloorIds = request.Explain && fused.BelowFloor.Count > 0 ? GetIds(snapshot, fused.BelowFloor) : [],
            LexicalBelowFloorIds = lexical.BelowFloor.Count > 0 ? GetIds(snapshot, lexical.BelowFloor) : [],
            QueryTermsDropped = query.LexicalQuery?.TermsDropped ?? 0,
            MatchedRules = merchandised.Matched,
            Hidden = request.Explain ? merchandised.Hidden : [],
            TotalHits = merchandised.Order.Count,
            TotalHitsIsLowerBound = ResultTotal.IsLowerBound(query, lexical, dense, fused.BelowFloor),
            Facets = facets,
            Timings = new SearchTimings(prepareTime, query.EmbeddingTime, tiers.LexicalTime, tiers.DenseTime, fuseTime, rerankTime, fetchTime),
        };
        if (cacheKey is not null) _results?.Add(cacheKey, response);
        RememberSearch(request, response, snapshot, query);
        return response;
    }

    /// <summary>The candidates ranked, tier by tier (<see cref="TierSequence"/>), as deep as the request's page needs.</summary>
    private RankedSequence RankedTiers(PreparedQuery query, ResultShape shape, IReranker reranker, IndexSnapshot snapshot, ref StageClock clock,
        CancellationToken cancellationToken)
    {
        var tiers = new TierSequence(query.Request, query.Profile);
        var (lexicalTime, denseTime, fuseTime, rerankTime) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        for (var depth = tiers.FirstDepth; ; depth = TierSequence.NextDepth(depth))
        {
            var tierQuery = query with { Depth = depth };
            clock.Lap();
            var (lexical, dense) = RetrieveBoth(tierQuery, snapshot, cancellationToken);
            (lexicalTime, denseTime) = (lexicalTime + lexical.Elapsed, denseTime + dense.Elapsed); // each retriever times itself
            clock.Lap();
            var fused = Fuse(tierQuery, lexical, dense, snapshot);
            fuseTime += clock.Lap();
            var ranked = fused.Lists is null ? Reranked.Unchanged(fused.Order) : reranker.Rerank(tierQuery, fused.Lists, fused.Order, snapshot, cancellationToken);
            var tier = shape.SortField is { } sortField ? ResultSorter.Sort(ranked.Order, query.Request.Sort!, sortField, snapshot.Lexical.Columns) : ranked.Order;
            rerankTime += clock.Lap();
            if (tiers.Add(tier, ranked.Features, depth, lexical.Candidates.Count, dense.Candidates.Count))
                return new RankedSequence(new Tier(tierQuery, lexical, dense, fused), tiers.Ranked, lexicalTime, denseTime, fuseTime, rerankTime);
        }
    }

    /// <param name="Deepest">The deepest retrieval the sequence needed (what the totals and facets describe).</param>
    /// <param name="Ranked">The sequence, with the second stage's features of every product in it.</param>
    /// <param name="LexicalTime">BM25's time over every tier.</param>
    /// <param name="DenseTime">HNSW's time over every tier.</param>
    /// <param name="FuseTime">Fusion's time over every tier.</param>
    /// <param name="RerankTime">The second stage's and the sort's time over every tier.</param>
    private sealed record RankedSequence(Tier Deepest, Reranked Ranked, TimeSpan LexicalTime, TimeSpan DenseTime, TimeSpan FuseTime, TimeSpan RerankTime);

    private sealed record Tier(PreparedQuery Query, RetrievalResult Lexical, RetrievalResult Dense, Fused Fused);

    /// <summary>
    /// The profile and second stage <paramref name="request"/> is ranked by (its own profile, or the index's current one,
    /// re-read when due), and its key in the result cache (none for a request that brings its own profile).
    /// </summary>
    private (RankingProfile Profile, IReranker Reranker, string? CacheKey) RankingFor(SearchRequest request, IReadOnlyList<FilterClause> filters, IndexSnapshot snapshot)
    {
        if (_profileSchedule.IsDue) RefreshRanking();
        var (profile, profileVersion) = request.Ranking is { } own ? (own, -1) : _profiles.Current;
        var (learned, rankerVersion) = _rankers.Current;
        var cacheKey = request.Ranking is null ? SearchResultCache.KeyOf(snapshot.Manifest.Generation, profileVersion, rankerVersion, request, filters) : null;
        return (profile, RerankerFor(request, learned), cacheKey);
    }

    /// <summary>The retrievers' candidates as one list (<see cref="CandidateFusion"/>).</summary>
    private Fused Fuse(PreparedQuery query, RetrievalResult lexical, RetrievalResult dense, IndexSnapshot snapshot) =>
        query.Request.Mode is SearchMode.Bm25 or SearchMode.Dense
            ? CandidateFusion.Fuse(query.Request.Mode, query.Profile, new CandidateLists(lexical.Candidates, dense.Candidates))
            : CandidateFusion.Fuse(query.Request.Mode, query.Profile, Candidates(query, lexical, dense, snapshot));

    /// <summary>
    /// Each retriever's candidates for <paramref name="request"/>, before fusion: BM25 (unless the mode is dense) and
    /// HNSW (unless it is BM25), each to the depth of the request's profile (or deeper when the page reaches further),
    /// with its filters applied. For tuning and training, which replay many fusions over the same candidates.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range; the message names it.</exception>
    public CandidateLists Retrieve(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = _snapshots.Acquire();
        return RetrieveCandidates(request, lease.Snapshot, cancellationToken).Lists;
    }

    /// <summary>
    /// For training the learned second stage: the first <paramref name="depth"/> candidates of <paramref name="request"/>'s
    /// hybrid ranking — fused and negation-demoted by the request's profile (or the index's), before any second stage —
    /// each with its features, computed by the same code that the rerank stage runs.
    /// </summary>
    /// <exception cref="ArgumentException">The request is not a hybrid one, a parameter is out of range, or the depth is not 1–<see cref="RankingProfile.MaxRerankDepth"/>.</exception>
    public IReadOnlyList<RankerCandidate> RankerCandidates(SearchRequest request, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Mode.IsHybrid()) throw new ArgumentException($"The second stage reorders hybrid rankings; the request's mode is {request.Mode}.", nameof(request));
        if (depth is <= 0 or > RankingProfile.MaxRerankDepth)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The depth must be between 1 and {RankingProfile.MaxRerankDepth}.");
        using var lease = _snapshots.Acquire();
        var (query, lists) = RetrieveCandidates(request, lease.Snapshot, cancellationToken);
        return _candidateFeatures.Compute(query, lists, query.Profile.Rank(lists), depth, lease.Snapshot)
            .Select(f => new RankerCandidate(f.Candidate.Key, f.ProductId, f.AffirmsNegation, f.Features))
            .ToArray();
    }

    private (PreparedQuery Query, CandidateLists Lists) RetrieveCandidates(SearchRequest request, IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        request.CheckedFilterClauses();
        var filters = request.Filters?.ToClauses(snapshot.Schema) ?? [];
        var profile = request.Ranking ?? _profiles.Current.Profile;
        var query = _preparer.Prepare(request, filters, profile, snapshot, cancellationToken);
        var (lexical, dense) = RetrieveBoth(query, snapshot, cancellationToken);
        return (query, Candidates(query, lexical, dense, snapshot));
    }

    /// <summary>
    /// The second stage a request gets: the learned ranker for a ranked-hybrid request (whether or not the index is
    /// switched to it), and for a hybrid one when the index is switched to it and the request does not turn it off.
    /// </summary>
    private static IReranker RerankerFor(SearchRequest request, LearnedReranker? learned) =>
        learned is not null && (request.Mode == SearchMode.RankedHybrid || (request.Mode == SearchMode.Hybrid && request.SecondStage && learned.Stored.Enabled))
            ? learned
            : FusedOrder.Instance;

    /// <summary>The catalog ids of the products with these keys (keys the current commit lacks are left out).</summary>
    public IReadOnlyDictionary<long, string> GetProductIds(IEnumerable<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var lease = _snapshots.Acquire();
        return lease.Snapshot.Store.GetMany(keys.Distinct()).ToDictionary(p => p.Key, p => p.Value.Id);
    }

    private static string[] GetIds(IndexSnapshot snapshot, IEnumerable<long> keys)
    {
        var products = snapshot.Store.GetMany(keys);
        return keys.Where(products.ContainsKey).Select(k => products[k].Id).ToArray();
    }

    /// <summary>Each retriever the request's mode uses, to the query's depth (a shard of a sharded index retrieves so too).</summary>
    internal static (RetrievalResult Lexical, RetrievalResult Dense) RetrieveBoth(PreparedQuery query, IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        var mode = query.Request.Mode;
        var lexical = mode == SearchMode.Dense ? RetrievalResult.None : snapshot.LexicalRetriever.Retrieve(query, cancellationToken);
        var dense = mode == SearchMode.Bm25 ? RetrievalResult.None : snapshot.DenseRetriever.Retrieve(query, cancellationToken);
        return (lexical, dense);
    }

    /// <summary>Both retrievers' candidates, with those whose title affirms what the query negates (<see cref="NegationAffirmations"/>).</summary>
    private CandidateLists Candidates(PreparedQuery query, RetrievalResult lexical, RetrievalResult dense, IndexSnapshot snapshot)
    {
        var lists = new CandidateLists(lexical.Candidates, dense.Candidates) { ModelFloor = _modelFloor };
        var keys = NegationAffirmations.Of(query, lists.Lexical.Select(c => c.Key).Concat(lists.Dense.Select(c => c.Key)), snapshot);
        return keys.Count == 0 ? lists : lists with { AffirmNegated = keys };
    }

    private static List<SearchHit> Fetch(PreparedQuery query, ArraySegment<FusedCandidate> page, IndexSnapshot snapshot, Reranked ranked, IReranker reranker,
        Merchandised merchandised)
    {
        var request = query.Request;
        var products = snapshot.Store.GetMany(page.Select(c => c.Key));
        var highlighter = page.Count > 0 ? new TitleHighlighter(query, snapshot) : null;
        var hits = new List<SearchHit>(page.Count);
        foreach (var candidate in page)
        {
            // A key missing from the store would mean the stores disagree; skip it rather than show a hole.
            if (!products.TryGetValue(candidate.Key, out var product)) continue;
            var explanation = !request.Explain ? null
                : merchandised.Added.Contains(candidate.Key) ? HitExplanations.ShownByRule
                : Explain(snapshot, query, candidate, ranked, reranker);
            hits.Add(new SearchHit(request.Offset + hits.Count + 1, product, candidate.FusedScore, candidate.Lexical, candidate.Dense, explanation)
            {
                Highlight = highlighter?.Mark(product.Title),
                RankerScore = candidate.RankerScore,
                Merchandising = merchandised.NotesOf(candidate.Key),
            });
        }
        return hits;
    }

    private static SearchExplanation Explain(IndexSnapshot snapshot, PreparedQuery query, FusedCandidate candidate, Reranked ranked, IReranker reranker)
    {
        var (request, profile) = (query.Request, query.Profile);
        var lucene = request.ExplainLexical && candidate.Lexical is not null ? snapshot.Lexical.Explain(request.Query, candidate.Key, profile.Lexical) : null;
        var explanation = HitExplanations.Of(request, profile, candidate, lucene);
        if (!request.Mode.IsHybrid() || !ranked.Features.TryGetValue(candidate.Key, out var features)) return explanation;
        return explanation with
        {
            Formula = explanation.Formula + FormattableString.Invariant($"; reordered by the learned ranker: {candidate.RankerScore:F4}"),
            RankerContributions = reranker.Explain(features),
        };
    }

    private static void EnsureCompatible(IndexLayout layout, IndexManifest manifest, ITextEmbedder embedder)
    {
        if (!manifest.Model.Matches(embedder)) throw manifest.Model.Mismatch(layout.Root, embedder);
        EnsureSearchable(layout, manifest);
    }

    private static void EnsureSearchable(IndexLayout layout, IndexManifest manifest)
    {
        manifest.EnsureReadableLayout(layout.Root);
        if (!manifest.HasCurrentLexicalAnalysis)
            throw new IncompatibleIndexException(IndexIncompatibility.OlderLexicalAnalysis, layout.Root,
                $"Index '{layout.Root}' was built with lexical analysis '{manifest.LexicalAnalysis ?? ProductAnalyzer.LegacyName}', but this version " +
                $"searches with '{ProductAnalyzer.Name}'.");
    }

    /// <summary>Closes the index and the model. Later calls throw <see cref="ObjectDisposedException"/>; dispose once searches have finished.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _snapshots.Dispose();
        _preparer.Dispose();
        _rankers.Dispose();
        _candidateFeatures.Dispose();
        _features.Dispose();
        _embedder.Dispose();
        _results?.Dispose();
    }
}
