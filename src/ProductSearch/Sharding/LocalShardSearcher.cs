using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Search;

namespace ProductSearch.Sharding;

/// <summary>
/// One shard of a sharded index in this process: opens the shard's commit that the asked cluster generation names
/// (kept open, and read-locked, while that generation is current) and answers its coordinator with the same query
/// preparation and retrievers as <see cref="SearchEngine"/>. Thread-safe. An Orleans grain can be a thin façade over one.
/// </summary>
public sealed class LocalShardSearcher : IShardSearcher, IDisposable
{
    private readonly ShardedIndexLayout _layout;
    private readonly IndexLayout _shardLayout;
    private readonly QueryPreparer _preparer = new(null);
    private readonly Lock _gate = new();
    // The commits of the newest cluster generations asked for, newest last: a search that began on the previous one
    // while a commit landed finishes on it.
    private readonly List<(long Generation, IndexSnapshot Snapshot)> _open = [];
    private const int GenerationsKeptOpen = 2;
    private bool _disposed;

    /// <summary>Shard <paramref name="shard"/> (0-based) of the sharded index at <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexException">The folder holds no sharded index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index has no such shard.</exception>
    public LocalShardSearcher(string indexPath, int shard)
    {
        _layout = new ShardedIndexLayout(indexPath);
        var manifest = _layout.ReadManifest();
        if (shard < 0 || shard >= manifest.ShardCount)
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"Sharded index '{_layout.Root}' has shards 0 to {manifest.ShardCount - 1}.");
        Shard = shard;
        _shardLayout = new IndexLayout(_layout.ShardFolder(shard));
    }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>The newest cluster generation this shard has open, or <c>null</c> before its first search.</summary>
    public long? OpenGeneration
    {
        get { lock (_gate) return _open.Count == 0 ? null : _open[^1].Generation; }
    }

    /// <inheritdoc />
    public Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        using var lease = Acquire(clusterGeneration);
        var local = lease.Snapshot.Lexical.Words;
        return Task.FromResult(new CatalogAnswers
        {
            HasFacts = questions.Facts,
            Locales = questions.Facts ? local.Locales().Select(l => new CountAnswer(l.Word, l.Count)).ToArray() : [],
            HasSpelling = questions.Facts && local.HasSpelling,
            Frequencies = questions.Frequencies.Select(w => new CountAnswer(w, local.Frequency(w))).ToArray(),
            DocumentFrequencies = questions.DocumentFrequencies.Select(t => new CountAnswer(t, local.DocumentFrequency(t))).ToArray(),
            Neighbours = questions.Neighbours.Select(q => new NeighbourAnswer(q, local.Neighbours(q.Word, q.MaxEdits))).ToArray(),
            Prefixes = questions.Prefixes.Select(q => new PrefixAnswer(q, local.PrefixWords(q.Prefix, q.Scan))).ToArray(),
            Together = questions.Together.Select(q => new TogetherAnswer(q, local.Together(q.Context, q.Candidate))).ToArray(),
            Titles = questions.Titles.Select(q => new TitleAnswer(q, local.AnyTitleHolds(q.Words, q.Locale))).ToArray(),
        });
    }

    /// <inheritdoc />
    public Task<ShardPlan> PlanAsync(ShardQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var lease = Acquire(query.ClusterGeneration);
        EnsureAnswerable(query, lease.Snapshot);
        var words = new AnsweredCatalogWords(query.Answers);
        var prepared = Prepare(query, lease.Snapshot, words, cancellationToken, embed: false);
        return Task.FromResult(new ShardPlan(words.Missing, prepared.DenseText, prepared.Correction)
        {
            MerchandisingRulesMatch = lease.Snapshot.Rules.Matching(query.Request).Length > 0,
        });
    }

    /// <inheritdoc />
    public Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var lease = Acquire(query.ClusterGeneration);
        var prepared = Prepare(query, lease.Snapshot, new AnsweredCatalogWords(query.Answers), cancellationToken, embed: false);
        var rewritten = query.Request.Mode == SearchMode.Dense ? null : prepared.ExpandedLexicalQuery(lease.Snapshot.Lexical);
        return Task.FromResult(rewritten is null ? new GlobalStatistics() : lease.Snapshot.Lexical.StatisticsOf(rewritten));
    }

    /// <inheritdoc />
    public Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        using var lease = Acquire(query.ClusterGeneration);
        var snapshot = lease.Snapshot;
        var prepared = Prepare(query, snapshot, new AnsweredCatalogWords(query.Answers), cancellationToken, embed: false) with { Depth = depth, Statistics = statistics };
        var (lexical, dense) = SearchEngine.RetrieveBoth(prepared, snapshot, cancellationToken);
        var affirming = query.Request.Mode.IsHybrid()
            ? NegationAffirmations.Of(prepared, lexical.Candidates.Select(c => c.Key).Concat(dense.Candidates.Select(c => c.Key)), snapshot)
            : new HashSet<long>();
        return Task.FromResult(new ShardCandidates
        {
            Lexical = lexical.Candidates.Select(c => new ScoredKey(c.Key, c.Score)).ToArray(),
            Dense = dense.Candidates.Select(c => new ScoredKey(c.Key, c.Score)).ToArray(),
            AffirmNegated = affirming.Order().ToArray(),
            Allowed = prepared.Allowed?.Count,
            QueryTermsDropped = prepared.LexicalQuery?.TermsDropped ?? 0,
            LexicalTime = lexical.Elapsed,
            DenseTime = dense.Elapsed,
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return Task.FromResult<IReadOnlyList<ShardProduct>>([]);
        using var lease = Acquire(query.ClusterGeneration);
        var snapshot = lease.Snapshot;
        var products = snapshot.Store.GetMany(keys);
        var highlighter = new TitleHighlighter(Prepare(query, snapshot, new AnsweredCatalogWords(query.Answers), cancellationToken, embed: false), snapshot);
        return Task.FromResult<IReadOnlyList<ShardProduct>>(keys.Where(products.ContainsKey)
            .Select(k => new ShardProduct(k, products[k], highlighter.Mark(products[k].Title))).ToArray());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ShardFacetTally>> CountFacetsAsync(ShardQuery query, IReadOnlyList<long> keys, string? facet = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        using var lease = Acquire(query.ClusterGeneration);
        var snapshot = lease.Snapshot;
        var shape = Shape(query, snapshot);
        return Task.FromResult<IReadOnlyList<ShardFacetTally>>(shape.Facets.Where(f => facet is null || f.Name == facet).Select(f => new ShardFacetTally(
            f.Name,
            shape.Filters.Any(c => c.Field.Name == f.Target.Name) ? f.Target.Name : null,
            FacetCounter.KeepsPicked(f),
            FacetCounter.Tally(f, keys, snapshot.Lexical.Columns, snapshot.FacetDisplay))).ToArray());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ShardRuleFacts>> MerchandiseAsync(ShardQuery query, IReadOnlyList<long> window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        using var lease = Acquire(query.ClusterGeneration);
        var snapshot = lease.Snapshot;
        var (_, allowed) = snapshot.Lexical.Filters.Get(Shape(query, snapshot).Filters);
        return Task.FromResult<IReadOnlyList<ShardRuleFacts>>(snapshot.Rules.Matching(query.Request).Select(rule => new ShardRuleFacts(
            rule.Reference.Number, rule.Rule, window.Where(rule.IsBoosted).ToArray(), window.Where(rule.IsBuried).ToArray(),
            rule.Rule.Pin.Select(p => p.Id).Concat(rule.Rule.Hide).Distinct(StringComparer.Ordinal)
                .Select(id => (Id: id, Key: rule.KeyOf(id))).Where(p => p.Key is not null)
                .Select(p => new RuleProductKey(p.Id, p.Key!.Value, allowed is null || allowed.Contains((ulong)p.Key.Value))).ToArray())).ToArray());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<double>> SortValuesAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        using var lease = Acquire(query.ClusterGeneration);
        var field = Shape(query, lease.Snapshot).SortField
            ?? throw new ArgumentException("The request does not sort (SearchRequest.Sort is not set).", nameof(query));
        return Task.FromResult<IReadOnlyList<double>>(lease.Snapshot.Lexical.Columns.Numbers(field, keys));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WordCount>> BrandsStartingWithAsync(string prefix, int limit, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var lease = Acquire(clusterGeneration);
        return Task.FromResult(lease.Snapshot.Lexical.TermsInOrder(FilterField.Brand.LuceneField, prefix, limit));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CategoryCount>> TopLevelCategoriesAsync(long clusterGeneration, CancellationToken cancellationToken = default)
    {
        using var lease = Acquire(clusterGeneration);
        return Task.FromResult(lease.Snapshot.TopLevelCategories);
    }

    /// <inheritdoc />
    public Task<Product?> ProductAsync(string productId, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        SearchEngine.CheckProductId(productId);
        using var lease = Acquire(clusterGeneration);
        return Task.FromResult(SearchEngine.FindProduct(lease.Snapshot, productId));
    }

    /// <inheritdoc />
    public Task<IndexSchema> SchemaAsync(long clusterGeneration, CancellationToken cancellationToken = default)
    {
        using var lease = Acquire(clusterGeneration);
        return Task.FromResult(lease.Snapshot.Schema);
    }

    /// <summary>
    /// What a shard holds beyond its commits that a sharded search cannot apply yet — a learned second stage — is refused
    /// rather than left out, so a sharded answer never silently differs from one index's.
    /// </summary>
    private void EnsureAnswerable(ShardQuery query, IndexSnapshot snapshot)
    {
        if (query.Request.Mode.IsHybrid() && File.Exists(RankerStore.PathOf(_shardLayout.Root)))
            throw new NotSupportedException($"Shard {Shard} of '{_layout.Root}' has a learned second stage, which sharded searches do not apply yet.");
    }

    private PreparedQuery Prepare(ShardQuery query, IndexSnapshot snapshot, ICatalogWords words, CancellationToken cancellationToken, bool embed)
    {
        var filters = Shape(query, snapshot).Filters;
        if (query.UnfilteredField is { } unfiltered) filters = filters.Where(c => c.Field.Name != unfiltered).ToArray();
        return _preparer.Prepare(query.Request, filters, query.Profile, snapshot, cancellationToken, words, query.Vector, embed);
    }

    private static ResultShape Shape(ShardQuery query, IndexSnapshot snapshot)
    {
        query.Request.CheckedFilterClauses();
        return ResultShape.Check(query.Request, snapshot.Schema);
    }

    /// <summary>
    /// The shard's commit that <paramref name="clusterGeneration"/> names, taken for one call: one open already, else
    /// opened from <c>generations.json</c> when that names the generation (the oldest of those open then closes once its
    /// last call ends); a generation older than every one open and than the current one is gone.
    /// </summary>
    private SnapshotLease Acquire(long clusterGeneration)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var (generation, open) in _open)
                if (generation == clusterGeneration && open.TryAcquire()) return new SnapshotLease(open);
            for (var attempt = 1; ; attempt++)
            {
                var generations = _layout.ReadGenerations();
                if (generations.Generation != clusterGeneration) throw new ClusterGenerationMovedException(_layout.Root, clusterGeneration, generations.Generation);
                var snapshot = IndexSnapshot.OpenAt(_shardLayout, generations.Shards[Shard]);
                if (snapshot is null)
                {
                    // Deleted after generations.json was read: a newer cluster generation landed meanwhile; read it again.
                    if (attempt < 5) continue;
                    throw IndexException.Damaged(_shardLayout.Root, $"Shard {Shard} of '{_layout.Root}' lacks generation {generations.Shards[Shard].Generation}, which its cluster generation names.");
                }
                _open.Add((clusterGeneration, snapshot));
                if (_open.Count > GenerationsKeptOpen)
                {
                    _open[0].Snapshot.Release();
                    _open.RemoveAt(0);
                }
                snapshot.TryAcquire();
                return new SnapshotLease(snapshot);
            }
        }
    }

    /// <summary>Closes the open commit (once the calls reading it end) and the preparer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var (_, snapshot) in _open) snapshot.Release();
            _open.Clear();
        }
        _preparer.Dispose();
    }
}
