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
    private readonly IndexLayout _layout;
    private readonly SearchEngineOptions _options;
    private readonly ILogger _logger;
    private readonly object _refreshGate = new();
    private readonly SearchResultCache? _results;
    private IndexSnapshot _current;
    private long _nextRefreshCheck;
    private int _refreshing;

    private SearchEngine(SearchEngineOptions options, IndexLayout layout, ITextEmbedder embedder, IndexSnapshot snapshot, ILogger logger)
    {
        _options = options;
        _layout = layout;
        _embedder = embedder;
        _current = snapshot;
        _logger = logger;
        _results = options.ResultCacheSize > 0 ? new SearchResultCache(options.ResultCacheSize) : null;
        _nextRefreshCheck = Environment.TickCount64 + (long)options.RefreshInterval.TotalMilliseconds;
    }

    /// <summary>The manifest of the commit this engine reads now.</summary>
    public IndexManifest Manifest => Volatile.Read(ref _current).Manifest;

    /// <summary>The index folder.</summary>
    public string IndexPath => _layout.Root;

    /// <summary>The embedder that reads queries.</summary>
    public ITextEmbedder Embedder => _embedder;

    /// <summary>The ranking profile searches use unless a request brings its own.</summary>
    public RankingProfile DefaultProfile => Volatile.Read(ref _current).Profile;

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
        EnsureCurrentAnalysis(layout, manifest); // before the model loads: an old index fails at once
        embedder ??= OnnxSentenceEmbedder.Create(new EmbedderOptions
        {
            Model = options.Model ?? manifest.Model.Source,
            Device = options.Device,
            IntraOpThreads = options.IntraOpThreads,
            ModelCacheDirectory = options.ModelCacheDirectory,
            QueryCacheSize = options.QueryCacheSize,
        }, logger);
        try
        {
            var snapshot = IndexSnapshot.Open(layout, options.Ranking);
            try
            {
                EnsureCompatible(layout, snapshot.Manifest, embedder);
            }
            catch
            {
                snapshot.Release();
                throw;
            }
            logger.LogDebug("Opened {Path} (generation {Generation}, {Count} products, model {Model} on {Device}).",
                layout.Root, snapshot.Manifest.Generation, snapshot.Manifest.ProductCount, embedder.ModelName, embedder.ActiveDevice);
            return new SearchEngine(options, layout, embedder, snapshot, logger);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves to the index's newest commit (and ranking profile) if it changed since this engine last looked.
    /// Searches already running finish on the commit they started on. Engines also do this by themselves every
    /// <see cref="SearchEngineOptions.RefreshInterval"/>.
    /// </summary>
    /// <returns>Whether a newer commit or profile was opened.</returns>
    public bool Refresh()
    {
        lock (_refreshGate)
        {
            var current = Volatile.Read(ref _current);
            var manifest = _layout.ReadManifest();
            var profilePath = RankingProfileStore.PathOf(_layout.Root);
            var stamp = File.Exists(profilePath) ? File.GetLastWriteTimeUtc(profilePath) : DateTime.MinValue;
            if (manifest.Generation == current.Manifest.Generation && stamp == current.ProfileStamp) return false;
            var next = IndexSnapshot.Open(_layout, _options.Ranking);
            try
            {
                EnsureCompatible(_layout, next.Manifest, _embedder);
            }
            catch
            {
                next.Release();
                throw;
            }
            Volatile.Write(ref _current, next);
            current.Release();
            _results?.Clear(); // their keys name the old commit: they would never be asked for again
            _logger.LogInformation("Now reading generation {Generation} of {Path} ({Count} products).", next.Manifest.Generation, _layout.Root, next.Manifest.ProductCount);
            return true;
        }
    }

    private IndexSnapshot Acquire()
    {
        MaybeRefreshInBackground();
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot.TryAcquire()) return snapshot;
        }
    }

    private void MaybeRefreshInBackground()
    {
        if (_options.RefreshInterval <= TimeSpan.Zero || Environment.TickCount64 < Volatile.Read(ref _nextRefreshCheck)) return;
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        Volatile.Write(ref _nextRefreshCheck, Environment.TickCount64 + (long)_options.RefreshInterval.TotalMilliseconds);
        // A thread of its own, not the thread pool: when busy searches hold every pool thread (a loaded storefront,
        // a parallel test run), a queued refresh could wait for many seconds and the engine would lag far behind.
        _ = Task.Factory.StartNew(() =>
        {
            try { Refresh(); }
            catch (Exception ex) when (ex is IndexException or IOException)
            {
                // A half-visible or damaged newer commit must not break searches on the current one.
                _logger.LogWarning("Could not move to the index's newer commit: {Message}", ex.Message);
            }
            finally { Volatile.Write(ref _refreshing, 0); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Searches; see <see cref="Search"/>. The work is CPU-bound and runs on the calling thread.</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request, cancellationToken));

    /// <summary>Answers <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range; the message names it.</exception>
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var started = Stopwatch.GetTimestamp();
        var snapshot = Acquire();
        try
        {
            if (_results is not null && _results.TryGet(snapshot, request, out var cached))
                return cached with { Elapsed = Stopwatch.GetElapsedTime(started), EmbeddingTime = TimeSpan.Zero, FromCache = true };
            var response = SearchSnapshot(snapshot, request, cancellationToken);
            _results?.Add(snapshot, request, response);
            return response;
        }
        finally
        {
            snapshot.Release();
        }
    }

    private SearchResponse SearchSnapshot(IndexSnapshot snapshot, SearchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var profile = request.Ranking ?? snapshot.Profile;
        var wanted = request.Offset + request.K;
        var depth = Math.Max(profile.CandidateDepth, wanted);

        var filter = request.Filters is { } filters ? LexicalFilter.Build(filters.ToClauses()) : null;
        var allowed = filter is null ? null : snapshot.Lexical.MatchingKeys(filter);

        var lexical = request.Mode == SearchMode.Dense ? [] : RetrieveLexical(snapshot, request.Query, depth, profile.Lexical, filter);
        cancellationToken.ThrowIfCancellationRequested();

        var embeddingTime = TimeSpan.Zero;
        IReadOnlyList<(long Key, float Score)> dense = [];
        if (request.Mode != SearchMode.Bm25)
        {
            var embedStart = stopwatch.Elapsed;
            dense = RetrieveDense(snapshot, request.Query, depth, allowed, cancellationToken);
            embeddingTime = stopwatch.Elapsed - embedStart;
        }

        var fused = request.Mode switch
        {
            SearchMode.Bm25 => Single(lexical, lexicalSide: true),
            SearchMode.Dense => Single(dense, lexicalSide: false),
            _ => profile.Fuse(lexical, dense),
        };
        var page = fused.Skip(request.Offset).Take(request.K).ToArray();
        var products = snapshot.Store.GetMany(page.Select(c => c.Key));
        var hitsOut = new List<SearchHit>(page.Length);
        foreach (var candidate in page)
        {
            // A key missing from the store would mean the stores disagree; skip it rather than show a hole.
            if (!products.TryGetValue(candidate.Key, out var product)) continue;
            var explanation = request.Explain ? Explain(snapshot, request, profile, candidate) : null;
            hitsOut.Add(new SearchHit(request.Offset + hitsOut.Count + 1, product, candidate.FusedScore, candidate.Lexical, candidate.Dense, explanation));
        }
        return new SearchResponse(hitsOut, request.Mode, stopwatch.Elapsed, embeddingTime, allowed?.Count);
    }

    /// <summary>BM25 candidates of the current commit, best first (for tuning).</summary>
    internal IReadOnlyList<(long Key, float Score)> RetrieveLexical(string query, int depth, LexicalQuerySettings settings) =>
        WithSnapshot(s => RetrieveLexical(s, query, depth, settings, null));

    /// <summary>Dense candidates of the current commit, best first (for tuning).</summary>
    internal IReadOnlyList<(long Key, float Score)> RetrieveDense(string query, int depth, CancellationToken cancellationToken = default) =>
        WithSnapshot(s => RetrieveDense(s, query, depth, null, cancellationToken));

    /// <summary>Every product key of the current commit with its catalog id.</summary>
    internal IReadOnlyDictionary<long, string> ProductIdsByKey() => WithSnapshot(s => s.Store.Keys().ToDictionary(k => k.Key, k => k.ProductId));

    private T WithSnapshot<T>(Func<IndexSnapshot, T> action)
    {
        var snapshot = Acquire();
        try { return action(snapshot); }
        finally { snapshot.Release(); }
    }

    private static IReadOnlyList<(long Key, float Score)> RetrieveLexical(IndexSnapshot snapshot, string query, int depth, LexicalQuerySettings settings, Lucene.Net.Search.Query? filter) =>
        snapshot.Lexical.Search(query, depth, settings, filter).Select(h => (h.Key, h.Score)).ToArray();

    private IReadOnlyList<(long Key, float Score)> RetrieveDense(IndexSnapshot snapshot, string query, int depth, KeySet? allowed, CancellationToken cancellationToken)
    {
        if (allowed is { Count: 0 }) return [];
        var vector = _embedder.Embed([query], EmbeddingPurpose.Query, cancellationToken)[0];
        var vectors = snapshot.Vectors;
        var take = (int)Math.Min(depth, Math.Max(Math.Min(vectors.Count, allowed?.Count ?? long.MaxValue), 1));
        var hits = allowed is null ? vectors.Search(vector, take) : vectors.Search(vector, take, allowed.Contains);
        // USearch's cosine distance is 1 − cosine similarity; report the similarity, higher is better. ONNX Runtime may
        // sum in another order when concurrent runs share its thread pool, moving a similarity in the 7th digit; ranking
        // on similarities rounded to 1e-6, ties broken by key, keeps such noise from reordering near-identical products.
        return hits.Select(h => ((long)h.Key, 1f - h.Distance))
            .OrderByDescending(h => Math.Round(h.Item2, 6)).ThenBy(h => h.Item1).ToArray();
    }

    private static SearchExplanation Explain(IndexSnapshot snapshot, SearchRequest request, RankingProfile profile, FusedCandidate candidate)
    {
        var lucene = request.ExplainLexical && candidate.Lexical is not null ? snapshot.Lexical.Explain(request.Query, candidate.Key, profile.Lexical) : null;
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

    private static void EnsureCompatible(IndexLayout layout, IndexManifest manifest, ITextEmbedder embedder)
    {
        if (!manifest.Model.Matches(embedder))
            throw manifest.Model.Mismatch(layout.Root, embedder, "Search with the index's model, or rebuild the index with this one.");
        EnsureCurrentAnalysis(layout, manifest);
    }

    private static void EnsureCurrentAnalysis(IndexLayout layout, IndexManifest manifest)
    {
        if (!manifest.HasCurrentLexicalAnalysis)
            throw new IndexException(
                $"Index '{layout.Root}' was built with lexical analysis '{manifest.LexicalAnalysis ?? ProductAnalyzer.LegacyName}', but this version " +
                $"searches with '{ProductAnalyzer.Name}'. Run 'productsearch index <catalog> --index {layout.Root}' (or any upsert) once: " +
                "it rebuilds the lexical index from the stored products without re-embedding them.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Volatile.Read(ref _current).Release();
        _embedder.Dispose();
        _results?.Dispose();
    }
}
