using System.Diagnostics;
using ProductSearch.Embedding;
using ProductSearch.Lexical;
using ProductSearch.Merchandising;
using ProductSearch.Ranking;
using ProductSearch.Search;

namespace ProductSearch.Sharding;

/// <summary>
/// Answers a search over the shards of a sharded index exactly as one index holding every product would
/// (Elasticsearch's <c>dfs_query_then_fetch</c>, carried through fusion): the query is prepared with the catalog's words
/// counted over every shard (<see cref="IShardSearcher.PlanAsync"/>, <see cref="IShardSearcher.AnswerAsync"/>) and
/// embedded once; the shards' BM25 statistics are summed and every shard scores with the sum; each shard returns each
/// retriever's best candidates to the depth of one index's retrieval; each retriever's lists are merged (ties to the
/// lower key, as one index breaks them) and only then fused by the engine's own fusion, tier by tier as one index pages
/// (<see cref="TierSequence"/>); the page's products are fetched from the shards holding them. Thread-safe.
/// Sorting reads the sort field of each tier's candidates from their shards and sorts each tier as one index does;
/// facets are counted by each shard over its part of the result set and added up (a picked facet over one more
/// retrieval without its own field's filters, as one index counts it). BM25 statistics are cached per cluster generation.
/// </summary>
/// <remarks>
/// Not done across shards: the learned second stage (a shard that has one refuses hybrid searches:
/// <see cref="NotSupportedException"/>; the sharded writer trains none), Lucene's own explanation of a BM25 score
/// (<see cref="SearchRequest.ExplainLexical"/>, refused: it would be one shard's), and the lexical floor's ids in an
/// explained answer (<see cref="SearchResponse.LexicalBelowFloorIds"/>, empty). Explanations themselves — each hit's
/// fusion and parts, the dense floor's ids, the hidden products — are one index's. Merchandising rules
/// (every shard's commit holds the same, <see cref="ShardedIndexWriter.SetMerchandisingRules"/>) are applied after the
/// sort, by the code one index applies them with.
/// </remarks>
public sealed partial class ShardCoordinator
{
    /// <summary>Most rounds of questions about the catalog's words one search asks before giving up (a typical query needs two or three).</summary>
    public const int MaxPlanRounds = 8;

    /// <summary>Most queries whose summed BM25 statistics the coordinator keeps (for the newest cluster generation searched).</summary>
    public const int StatisticsCacheSize = 4096;

    private readonly IReadOnlyList<IShardSearcher> _shards;
    private readonly ITextEmbedder _embedder;
    private readonly RankingProfile _profile;
    private readonly double _modelFloor;
    private readonly ShardCoordinatorCache _cache;
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> NoFacets = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>A coordinator over <paramref name="shards"/> (in shard order), embedding queries with <paramref name="embedder"/> (the shards' model; not disposed here).</summary>
    /// <param name="shards">The shards, one searcher each.</param>
    /// <param name="embedder">The model the shards are embedded with.</param>
    /// <param name="defaultProfile">The ranking profile of requests that bring none (default: <see cref="RankingProfile.Default"/>).</param>
    /// <exception cref="ArgumentException">No shard.</exception>
    public ShardCoordinator(IReadOnlyList<IShardSearcher> shards, ITextEmbedder embedder, RankingProfile? defaultProfile = null)
        : this(shards, embedder, defaultProfile, new ShardCoordinatorCache())
    {
    }

    /// <summary>A coordinator as above that remembers what it sums in <paramref name="cache"/>, shared with other coordinators over the same shards.</summary>
    /// <param name="shards">The shards, one searcher each.</param>
    /// <param name="embedder">The model the shards are embedded with.</param>
    /// <param name="defaultProfile">The ranking profile of requests that bring none (<c>null</c>: <see cref="RankingProfile.Default"/>).</param>
    /// <param name="cache">Summed statistics and the merged schema, kept between requests (<see cref="ShardCoordinatorCache"/>).</param>
    /// <exception cref="ArgumentException">No shard.</exception>
    public ShardCoordinator(IReadOnlyList<IShardSearcher> shards, ITextEmbedder embedder, RankingProfile? defaultProfile, ShardCoordinatorCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(embedder);
        if (shards.Count == 0) throw new ArgumentException("A sharded search needs at least one shard.", nameof(shards));
        _shards = shards;
        _embedder = embedder;
        _profile = defaultProfile ?? RankingProfile.Default;
        _modelFloor = BuiltInModels.FindBySha256(embedder.ModelSha256)?.RelevanceFloor ?? 0;
    }

    /// <summary>Answers <paramref name="request"/> from the shards' commits that <paramref name="clusterGeneration"/> names.</summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range or does not fit the index; the message names it.</exception>
    /// <exception cref="NotSupportedException">The request asks for Lucene's own BM25 explanation (one shard's statistics), or a shard has a learned second stage, which sharded searches do not apply yet.</exception>
    /// <exception cref="ClusterGenerationMovedException">A newer cluster generation was committed meanwhile; search again on it.</exception>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        // Lucene's explanation would be one shard's, scored with that shard's statistics, not the global ones.
        if (request.ExplainLexical) throw new NotSupportedException("A search of a sharded index cannot attach Lucene's explanation of a BM25 score (SearchRequest.ExplainLexical).");
        var started = Stopwatch.GetTimestamp();
        var query = new ShardQuery { Request = request, Profile = request.Ranking ?? _profile, ClusterGeneration = clusterGeneration };
        var plan = await PlanAsync(query, cancellationToken).ConfigureAwait(false);
        query = plan.Query;
        var prepareTime = Stopwatch.GetElapsedTime(started);

        var embeddingTime = TimeSpan.Zero;
        if (request.Mode != SearchMode.Bm25)
        {
            var embedding = Stopwatch.GetTimestamp();
            query = query with { Vector = _embedder.Embed([plan.Plan.DenseText], EmbeddingPurpose.Query, cancellationToken)[0] };
            embeddingTime = Stopwatch.GetElapsedTime(embedding);
        }
        var statistics = request.Mode == SearchMode.Dense ? new GlobalStatistics() : await StatisticsAsync(query, cancellationToken).ConfigureAwait(false);

        var tiers = new TierSequence(request, query.Profile);
        var (lexicalTime, denseTime, fuseTime) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var origins = new Dictionary<long, int>(); // which shard holds each candidate of any tier
        for (var depth = tiers.FirstDepth; ; depth = TierSequence.NextDepth(depth))
        {
            var found = await Task.WhenAll(_shards.Select(s => s.RetrieveAsync(query, statistics, depth, cancellationToken))).ConfigureAwait(false);
            lexicalTime += found.Select(f => f.LexicalTime).DefaultIfEmpty().Max();
            denseTime += found.Select(f => f.DenseTime).DefaultIfEmpty().Max();
            var fusing = Stopwatch.GetTimestamp();
            var lists = Merge(found, depth, origins);
            var fused = CandidateFusion.Fuse(request.Mode, query.Profile, lists);
            fuseTime += Stopwatch.GetElapsedTime(fusing);
            var tier = request.Sort is { } sort ? ResultSorter.Sort(fused.Order, sort, await SortValuesAsync(query, fused.Order, origins, cancellationToken).ConfigureAwait(false)) : fused.Order;
            if (!tiers.Add(tier, new Dictionary<long, float[]>(), depth, lists.Lexical.Count, lists.Dense.Count)) continue;

            var merchandising = Stopwatch.GetTimestamp();
            // Rules come after the sort, as on one index: a hidden product stays hidden and a pin keeps its place in any order.
            var merchandised = plan.Plan.MerchandisingRulesMatch
                ? await MerchandiseAsync(query, tiers.Ranked.Order, origins, cancellationToken).ConfigureAwait(false)
                : Merchandised.Unchanged(tiers.Ranked.Order);
            var rulesTime = Stopwatch.GetElapsedTime(merchandising);
            var fetching = Stopwatch.GetTimestamp();
            var order = merchandised.Order;
            var hits = await FetchAsync(query, TierSequence.Page(order, request), origins, merchandised, cancellationToken).ConfigureAwait(false);
            var fetchTime = Stopwatch.GetElapsedTime(fetching);
            var facets = request.Facets is { Count: > 0 }
                ? await CountFacetsAsync(query, statistics, depth, order.Select(c => c.Key).ToArray(), origins, cancellationToken).ConfigureAwait(false)
                : NoFacets;
            var allowed = found.Any(f => f.Allowed is not null) ? found.Sum(f => f.Allowed ?? 0) : (long?)null;
            return new SearchResponse(hits, request.Mode, Stopwatch.GetElapsedTime(started), embeddingTime, allowed is null ? null : (int)Math.Min(allowed.Value, int.MaxValue))
            {
                DidYouMean = plan.Plan.Correction,
                BelowFloor = fused.BelowFloor.Count,
                BelowFloorIds = request.Explain && fused.BelowFloor.Count > 0 ? await IdsAsync(query, fused.BelowFloor, origins, cancellationToken).ConfigureAwait(false) : [],
                Hidden = request.Explain ? merchandised.Hidden : [],
                QueryTermsDropped = found.Select(f => f.QueryTermsDropped).DefaultIfEmpty().Max(),
                MatchedRules = merchandised.Matched,
                TotalHits = order.Count,
                TotalHitsIsLowerBound = ResultTotal.IsLowerBound(request.Mode, depth, lists.Lexical, lists.Dense, fused.BelowFloor),
                Facets = facets,
                Timings = new SearchTimings(prepareTime, embeddingTime, lexicalTime, denseTime, fuseTime, rulesTime, fetchTime),
            };
        }
    }

    /// <summary>
    /// The BM25 statistics of the query summed over every shard, from the cache when they were summed for a request
    /// prepared alike on this cluster generation (<see cref="StatisticsKey"/>).
    /// </summary>
    private async Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken)
    {
        var key = StatisticsKey.Of(query);
        if (_cache.TryGetStatistics(key, out var cached)) return cached;
        var statistics = GlobalStatistics.Sum(await Task.WhenAll(_shards.Select(s => s.StatisticsAsync(query, cancellationToken))).ConfigureAwait(false));
        _cache.KeepStatistics(key, statistics);
        return statistics;
    }

    /// <summary>The values of the request's sort field of <paramref name="order"/>'s candidates, read from the shards holding them.</summary>
    private async Task<double[]> SortValuesAsync(ShardQuery query, IReadOnlyList<FusedCandidate> order, IReadOnlyDictionary<long, int> origins,
        CancellationToken cancellationToken)
    {
        var byShard = Enumerable.Range(0, order.Count).GroupBy(i => origins[order[i].Key]).ToArray();
        var read = await Task.WhenAll(byShard.Select(g => _shards[g.Key].SortValuesAsync(query, g.Select(i => order[i].Key).ToArray(), cancellationToken))).ConfigureAwait(false);
        var values = new double[order.Count];
        for (var shard = 0; shard < byShard.Length; shard++)
            foreach (var (place, value) in byShard[shard].Zip(read[shard])) values[place] = value;
        return values;
    }

    /// <summary>
    /// The facets the request asks for, as one index counts them: each shard tallies its part of the result set
    /// (<paramref name="resultKeys"/>, in result order) and the tallies are added up; a facet whose own field is filtered
    /// is also counted over the result set retrieved again, to the same depth, without that field's filters.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>> CountFacetsAsync(ShardQuery query, GlobalStatistics statistics, int depth,
        IReadOnlyList<long> resultKeys, Dictionary<long, int> origins, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        foreach (var facet in await TallyAsync(query, resultKeys, origins, null, cancellationToken).ConfigureAwait(false))
        {
            var own = FacetCounter.Finish(facet.Values);
            if (facet.FilteredField is null)
            {
                counts[facet.Name] = own;
                continue;
            }
            var unfiltered = query with { UnfilteredField = facet.FilteredField };
            var found = await Task.WhenAll(_shards.Select(s => s.RetrieveAsync(unfiltered, statistics, depth, cancellationToken))).ConfigureAwait(false);
            var keys = CandidateFusion.Fuse(query.Request.Mode, query.Profile, Merge(found, depth, origins)).Order.Select(c => c.Key).ToArray();
            var alternatives = FacetCounter.Finish((await TallyAsync(unfiltered, keys, origins, facet.Name, cancellationToken).ConfigureAwait(false)).Single().Values);
            counts[facet.Name] = facet.KeepsPicked ? FacetCounter.Picked(own, alternatives) : alternatives;
        }
        return counts;
    }

    /// <summary>The facets (or <paramref name="only"/> one) tallied by every shard over its part of <paramref name="keys"/>, added up.</summary>
    private async Task<IEnumerable<ShardFacetTally>> TallyAsync(ShardQuery query, IReadOnlyList<long> keys, IReadOnlyDictionary<long, int> origins, string? only,
        CancellationToken cancellationToken)
    {
        var byShard = keys.ToLookup(k => origins[k]);
        var tallies = await Task.WhenAll(_shards.Select((s, i) => s.CountFacetsAsync(query, byShard[i].ToArray(), only, cancellationToken))).ConfigureAwait(false);
        var positions = new Dictionary<long, int>(keys.Count);
        for (var i = 0; i < keys.Count; i++) positions[keys[i]] = i;
        return tallies[0].Select(facet => facet with
        {
            Values = FacetCounter.Sum(tallies.Select(t => t.Single(f => f.Name == facet.Name).Values), positions),
        });
    }

    /// <summary>
    /// Prepares the query as one index would: one shard prepares it with what is known of the catalog's words and says
    /// what else it needs; every shard answers that, the answers are summed, and so on until nothing is missing.
    /// </summary>
    private async Task<(ShardQuery Query, ShardPlan Plan)> PlanAsync(ShardQuery query, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            var plan = await _shards[0].PlanAsync(query, cancellationToken).ConfigureAwait(false);
            if (plan.Missing.IsEmpty) return (query, plan);
            query = query with { Answers = await AskAsync(query.Answers, plan.Missing, round, query.ClusterGeneration, cancellationToken).ConfigureAwait(false) };
        }
    }

    /// <summary>
    /// Every shard's answers to <paramref name="missing"/>, summed and joined to those <paramref name="known"/> before;
    /// <paramref name="round"/> is the how-manieth round of questions this is.
    /// </summary>
    /// <exception cref="InvalidOperationException">This would be one round more than <see cref="MaxPlanRounds"/>.</exception>
    private async Task<CatalogAnswers> AskAsync(CatalogAnswers known, CatalogQuestions missing, int round, long clusterGeneration, CancellationToken cancellationToken)
    {
        if (round >= MaxPlanRounds)
            throw new InvalidOperationException($"Choosing from the catalog's words across shards still asked about them after {MaxPlanRounds} rounds.");
        var answers = await Task.WhenAll(_shards.Select(s => s.AnswerAsync(missing, clusterGeneration, cancellationToken))).ConfigureAwait(false);
        return CatalogAnswers.Sum(known, answers);
    }

    /// <summary>
    /// Each retriever's candidates from every shard as one list, cut at <paramref name="depth"/>: BM25 by score, then
    /// the lower key (one index's order: its documents lie in key order); dense by the dense retriever's own order.
    /// </summary>
    private CandidateLists Merge(IReadOnlyList<ShardCandidates> found, int depth, Dictionary<long, int> origins)
    {
        for (var shard = 0; shard < found.Count; shard++)
            foreach (var candidate in found[shard].Lexical.Concat(found[shard].Dense))
                origins[candidate.Key] = shard;
        var lexical = found.SelectMany(f => f.Lexical).Select(c => (c.Key, c.Score)).ToList();
        lexical.Sort(static (a, b) => b.Score.CompareTo(a.Score) is var byScore && byScore != 0 ? byScore : a.Key.CompareTo(b.Key));
        var dense = found.SelectMany(f => f.Dense).Select(c => (c.Key, c.Score)).ToList();
        dense.Sort(DenseRetriever.Nearest);
        var lists = new CandidateLists(lexical.Take(depth).ToArray(), dense.Take(depth).ToArray()) { ModelFloor = _modelFloor };
        var kept = lists.Lexical.Select(c => c.Key).Concat(lists.Dense.Select(c => c.Key)).ToHashSet();
        var affirming = found.SelectMany(f => f.AffirmNegated).Where(kept.Contains).ToHashSet();
        return affirming.Count == 0 ? lists : lists with { AffirmNegated = affirming };
    }

    /// <summary>
    /// <paramref name="order"/> with the merchandising rules that match the query applied by the code one index applies
    /// them with: every shard says which of its candidates within the rules' window meet their boost and bury conditions
    /// and which products they pin or hide it holds (those then fetched from it).
    /// </summary>
    private async Task<Merchandised> MerchandiseAsync(ShardQuery query, IReadOnlyList<FusedCandidate> order, Dictionary<long, int> origins, CancellationToken cancellationToken)
    {
        var window = order.Take(query.Profile.CandidateDepth).Select(c => c.Key).ToLookup(k => origins[k]);
        var facts = await Task.WhenAll(_shards.Select((s, i) => s.MerchandiseAsync(query, window[i].ToArray(), cancellationToken))).ConfigureAwait(false);
        for (var shard = 0; shard < facts.Length; shard++)
            foreach (var product in facts[shard].SelectMany(r => r.Products))
                origins[product.Key] = shard;
        var rules = facts.SelectMany(f => f).GroupBy(r => r.Number).OrderBy(g => g.Key).Select(g => (IMatchedRule)new ShardedRule(g.ToArray())).ToArray();
        var passing = facts.SelectMany(f => f).SelectMany(r => r.Products).Where(p => p.PassesFilters).Select(p => p.Key).ToHashSet();
        return MerchandisingRules.Apply(rules, query.Profile.CandidateDepth, passing.Contains, order);
    }

    private async Task<List<SearchHit>> FetchAsync(ShardQuery query, ArraySegment<FusedCandidate> page, IReadOnlyDictionary<long, int> origins, Merchandised merchandised,
        CancellationToken cancellationToken)
    {
        var byShard = page.GroupBy(c => origins[c.Key]).ToArray();
        var fetched = await Task.WhenAll(byShard.Select(g => _shards[g.Key].FetchAsync(query, g.Select(c => c.Key).ToArray(), cancellationToken))).ConfigureAwait(false);
        var products = fetched.SelectMany(f => f).ToDictionary(p => p.Key);
        var hits = new List<SearchHit>(page.Count);
        foreach (var candidate in page)
        {
            // A key no shard holds any more would mean a shard changed under the generation; skip it rather than show a hole.
            if (!products.TryGetValue(candidate.Key, out var product)) continue;
            var explanation = !query.Request.Explain ? null
                : merchandised.Added.Contains(candidate.Key) ? HitExplanations.ShownByRule
                : HitExplanations.Of(query.Request, query.Profile, candidate, lucene: null);
            hits.Add(new SearchHit(query.Request.Offset + hits.Count + 1, product.Product, candidate.FusedScore, candidate.Lexical, candidate.Dense, explanation)
            {
                Highlight = product.Highlight,
                RankerScore = candidate.RankerScore,
                Merchandising = merchandised.NotesOf(candidate.Key),
            });
        }
        return hits;
    }

    /// <summary>The catalog ids of <paramref name="keys"/>, in their order, read from the shards holding them (an explanation's lists).</summary>
    private async Task<IReadOnlyList<string>> IdsAsync(ShardQuery query, IReadOnlyList<long> keys, IReadOnlyDictionary<long, int> origins, CancellationToken cancellationToken)
    {
        var fetched = await Task.WhenAll(keys.GroupBy(k => origins[k]).Select(g => _shards[g.Key].FetchAsync(query, g.ToArray(), cancellationToken))).ConfigureAwait(false);
        var ids = fetched.SelectMany(f => f).ToDictionary(p => p.Key, p => p.Product.Id);
        return keys.Where(ids.ContainsKey).Select(k => ids[k]).ToArray();
    }
}
