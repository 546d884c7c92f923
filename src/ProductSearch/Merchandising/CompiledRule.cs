using ProductSearch.Catalog;
using ProductSearch.Lexical;

namespace ProductSearch.Merchandising;

/// <summary>
/// One rule made ready for the commit it belongs to: its query's words, and — worked out on first use, then kept for
/// the commit's lifetime since they cannot change within it — the keys meeting its boost and bury conditions (one
/// Lucene filter query each, as request filters are run) and the keys of the products it pins and hides.
/// </summary>
internal sealed class CompiledRule : IMatchedRule
{
    private readonly string[]? _exact;
    private readonly string[]? _contains;
    private readonly Lazy<KeySet?> _boost;
    private readonly Lazy<KeySet?> _bury;
    private readonly Lazy<IReadOnlyDictionary<string, long>> _keys;

    public CompiledRule(MerchandisingRule rule, int number, Bm25Searcher lexical, ProductStore store, Indexing.IndexSchema schema)
    {
        Rule = rule;
        Reference = new RuleReference(number, rule.Name);
        _exact = rule.Query.Exact is { } exact ? QueryWords.Of(exact) : null;
        _contains = rule.Query.Contains?.SelectMany(QueryWords.Of).Distinct(StringComparer.Ordinal).ToArray();
        _boost = new Lazy<KeySet?>(() => Matching(rule.Boost, lexical, schema));
        _bury = new Lazy<KeySet?>(() => Matching(rule.Bury, lexical, schema));
        _keys = new Lazy<IReadOnlyDictionary<string, long>>(() =>
            store.Lookup(rule.Pin.Select(p => p.Id).Concat(rule.Hide)).ToDictionary(e => e.Key, e => e.Value.Key, StringComparer.Ordinal));
        BoostText = Describe(rule.Boost);
        BuryText = Describe(rule.Bury);
    }

    public MerchandisingRule Rule { get; }

    public RuleReference Reference { get; }

    /// <summary>The boost conditions in words, for notes.</summary>
    public string BoostText { get; }

    /// <summary>The bury conditions in words, for notes.</summary>
    public string BuryText { get; }

    /// <summary>Keys meeting every boost condition; <c>null</c> when the rule boosts nothing.</summary>
    public KeySet? Boosted => _boost.Value;

    /// <summary>Keys meeting every bury condition; <c>null</c> when the rule buries nothing.</summary>
    public KeySet? Buried => _bury.Value;

    /// <summary>Conditions in words, for notes.</summary>
    public static string Describe(IReadOnlyList<string> conditions) => string.Join(" and ", conditions);

    public bool Boosts => Boosted is not null;

    public bool Buries => Buried is not null;

    public bool IsBoosted(long key) => Boosted?.Contains((ulong)key) == true;

    public bool IsBuried(long key) => Buried?.Contains((ulong)key) == true;

    /// <summary>The key of a product the rule pins or hides, or <c>null</c> when the commit does not hold it.</summary>
    public long? KeyOf(string productId) => _keys.Value.TryGetValue(productId, out var key) ? key : null;

    /// <summary>Whether the rule applies to a query of these words (<see cref="QueryWords"/>).</summary>
    public bool Matches(string[] queryWords) =>
        _exact is not null ? _exact.AsSpan().SequenceEqual(queryWords) : _contains!.All(queryWords.Contains);

    /// <summary>
    /// Keys meeting every condition. A condition this commit's schema cannot resolve (a later schema change dropped or
    /// retyped its field) matches nothing rather than making the commit unreadable; <c>rules set</c> refuses such a
    /// condition up front (<see cref="MerchandisingRuleSet.CheckAgainst"/>).
    /// </summary>
    private static KeySet? Matching(IReadOnlyList<string> conditions, Bm25Searcher lexical, Indexing.IndexSchema schema)
    {
        if (conditions.Count == 0) return null;
        try
        {
            return lexical.MatchingKeys(LexicalFilter.Build(conditions.Select(c => RuleConditions.Resolve(c, schema)).ToArray())!);
        }
        catch (ArgumentException)
        {
            return lexical.MatchingKeys(new Lucene.Net.Search.BooleanQuery());
        }
    }
}
