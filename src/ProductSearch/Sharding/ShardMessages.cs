using ProductSearch.Catalog;
using ProductSearch.Ranking;

namespace ProductSearch.Sharding;

/// <summary>A candidate from one retriever: product key and the retriever's score (BM25 score or similarity).</summary>
/// <param name="Key">The product's key, unique across the shards of an index.</param>
/// <param name="Score">The retriever's score, higher is better.</param>
public readonly record struct ScoredKey(long Key, float Score);

/// <summary>
/// A search as every shard of a sharded index is asked it: the request, the ranking profile the coordinator chose, the
/// cluster generation every shard reads, what the coordinator learnt about the catalog's words so far (so each shard
/// prepares the very query one index would), and the query's embedding, made once by the coordinator.
/// </summary>
public sealed record ShardQuery
{
    /// <summary>The shopper's request.</summary>
    public required SearchRequest Request { get; init; }

    /// <summary>The ranking profile (the request's own or the coordinator's default).</summary>
    public required RankingProfile Profile { get; init; }

    /// <summary>The cluster generation to read (<see cref="ClusterGenerations.Generation"/>): every shard reads the commit it names for the shard.</summary>
    public required long ClusterGeneration { get; init; }

    /// <summary>Answers about the catalog's words, summed over every shard.</summary>
    public CatalogAnswers Answers { get; init; } = CatalogAnswers.None;

    /// <summary>The query's embedding; <c>null</c> in BM25 mode (and while planning).</summary>
    public float[]? Vector { get; init; }

    /// <summary>
    /// A filter field whose filters this retrieval leaves out (<see cref="ShardFacetTally.FilteredField"/>: a picked
    /// facet's values are counted over the result set without its own field's filters); <c>null</c>: every filter applies.
    /// </summary>
    public string? UnfilteredField { get; init; }
}

/// <summary>What preparing a query on a shard found (<see cref="IShardSearcher.PlanAsync"/>).</summary>
/// <param name="Missing">What it still needs to know about the catalog's words (empty: the query is prepared as one index would).</param>
/// <param name="DenseText">The text the model embeds (the query corrected and completed in the catalog's words).</param>
/// <param name="Correction">"Did you mean": the query with its typos corrected, or <c>null</c>.</param>
public sealed record ShardPlan(CatalogQuestions Missing, string DenseText, string? Correction)
{
    /// <summary>Whether merchandising rules of the shard's commit match the query (and the request applies rules): the coordinator then asks <see cref="IShardSearcher.MerchandiseAsync"/>.</summary>
    public bool MerchandisingRulesMatch { get; init; }
}

/// <summary>A product a merchandising rule pins or hides, as the shard holding it knows it.</summary>
/// <param name="ProductId">The product's catalog id, as the rule names it.</param>
/// <param name="Key">Its key.</param>
/// <param name="PassesFilters">Whether it passes the request's filters (a pinned product that is not among the candidates is shown only then).</param>
public sealed record RuleProductKey(string ProductId, long Key, bool PassesFilters);

/// <summary>A merchandising rule of a shard's commit that matches the query, with what the shard knows of the products it moves.</summary>
/// <param name="Number">The rule's 1-based place in the rules file (every shard of a commit holds the same rules).</param>
/// <param name="Rule">The rule.</param>
/// <param name="Boosted">The keys asked about that meet every boost condition.</param>
/// <param name="Buried">The keys asked about that meet every bury condition.</param>
/// <param name="Products">The products it pins or hides that this shard holds.</param>
public sealed record ShardRuleFacts(int Number, Merchandising.MerchandisingRule Rule, IReadOnlyList<long> Boosted, IReadOnlyList<long> Buried,
    IReadOnlyList<RuleProductKey> Products);

/// <summary>One shard's candidates for one tier of a search (<see cref="IShardSearcher.RetrieveAsync"/>).</summary>
public sealed record ShardCandidates
{
    /// <summary>BM25 candidates, best first, scored with the global statistics.</summary>
    public IReadOnlyList<ScoredKey> Lexical { get; init; } = [];

    /// <summary>Dense candidates, nearest first.</summary>
    public IReadOnlyList<ScoredKey> Dense { get; init; } = [];

    /// <summary>Those candidates whose title affirms what the query negates.</summary>
    public IReadOnlyList<long> AffirmNegated { get; init; } = [];

    /// <summary>How many of the shard's products pass the request's filters; <c>null</c> without filters.</summary>
    public long? Allowed { get; init; }

    /// <summary>Distinct terms the BM25 query left out (a text of too many).</summary>
    public int QueryTermsDropped { get; init; }

    /// <summary>Time the shard's BM25 search took.</summary>
    public TimeSpan LexicalTime { get; init; }

    /// <summary>Time the shard's dense search took.</summary>
    public TimeSpan DenseTime { get; init; }
}

/// <summary>A product of a result page, as its shard stores it.</summary>
/// <param name="Key">The product's key.</param>
/// <param name="Product">The product.</param>
/// <param name="Highlight">Its title with the query's words marked, or <c>null</c>.</param>
public sealed record ShardProduct(long Key, Product Product, string? Highlight);
