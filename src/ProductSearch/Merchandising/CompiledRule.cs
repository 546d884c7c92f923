using ProductSearch.Catalog;
using ProductSearch.Lexical;

namespace ProductSearch.Merchandising;

/// <summary>
/// One rule made ready for the commit it belongs to: its query's words, and — worked out on first use, then kept for
/// the commit's lifetime since they cannot change within it — the keys meeting its boost and bury conditions (one
/// Lucene filter query each, as request filters are run) and the keys of the products it pins and hides.
/// </summary>
internal sealed class CompiledRule
{
    private readonly string[]? _exact;
    private readonly string[]? _contains;
    private readonly Lazy<KeySet?> _boost;
    private readonly Lazy<KeySet?> _bury;
    private readonly Lazy<IReadOnlyDictionary<string, long>> _keys;

    public CompiledRule(MerchandisingRule rule, int number, Bm25Searcher lexical, ProductStore store)
    {
        Rule = rule;
        Reference = new RuleReference(number, rule.Name);
        _exact = rule.Query.Exact is { } exact ? QueryWords.Of(exact) : null;
        _contains = rule.Query.Contains?.SelectMany(QueryWords.Of).Distinct(StringComparer.Ordinal).ToArray();
        _boost = new Lazy<KeySet?>(() => Matching(rule.Boost, lexical));
        _bury = new Lazy<KeySet?>(() => Matching(rule.Bury, lexical));
        _keys = new Lazy<IReadOnlyDictionary<string, long>>(() =>
            store.Lookup(rule.Pin.Select(p => p.Id).Concat(rule.Hide)).ToDictionary(e => e.Key, e => e.Value.Key, StringComparer.Ordinal));
        BoostText = string.Join(" and ", rule.Boost);
        BuryText = string.Join(" and ", rule.Bury);
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

    /// <summary>The key of a product the rule pins or hides, or <c>null</c> when the commit does not hold it.</summary>
    public long? KeyOf(string productId) => _keys.Value.TryGetValue(productId, out var key) ? key : null;

    /// <summary>Whether the rule applies to a query of these words (<see cref="QueryWords"/>).</summary>
    public bool Matches(string[] queryWords) =>
        _exact is not null ? _exact.AsSpan().SequenceEqual(queryWords) : _contains!.All(queryWords.Contains);

    private static KeySet? Matching(IReadOnlyList<string> conditions, Bm25Searcher lexical) =>
        conditions.Count == 0 ? null : lexical.MatchingKeys(LexicalFilter.Build(conditions.Select(RuleConditions.Parse).ToArray())!);
}
