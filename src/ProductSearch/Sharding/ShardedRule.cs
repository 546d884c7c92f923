using ProductSearch.Merchandising;

namespace ProductSearch.Sharding;

/// <summary>
/// A merchandising rule matching a sharded search, as the coordinator applies it (<see cref="MerchandisingRules.Apply(IReadOnlyList{IMatchedRule}, int, Func{long, bool}, IReadOnlyList{Ranking.FusedCandidate})"/>,
/// the code one index applies its rules with): the products meeting its conditions and the keys of those it pins or
/// hides, joined from every shard's answer.
/// </summary>
internal sealed class ShardedRule : IMatchedRule
{
    private readonly HashSet<long> _boosted;
    private readonly HashSet<long> _buried;
    private readonly Dictionary<string, long> _keys;

    public ShardedRule(IReadOnlyList<ShardRuleFacts> shards)
    {
        Rule = shards[0].Rule;
        Reference = new RuleReference(shards[0].Number, Rule.Name);
        _boosted = shards.SelectMany(s => s.Boosted).ToHashSet();
        _buried = shards.SelectMany(s => s.Buried).ToHashSet();
        _keys = shards.SelectMany(s => s.Products).DistinctBy(p => p.ProductId).ToDictionary(p => p.ProductId, p => p.Key, StringComparer.Ordinal);
    }

    public MerchandisingRule Rule { get; }

    public RuleReference Reference { get; }

    public bool Boosts => Rule.Boost.Count > 0;

    public bool Buries => Rule.Bury.Count > 0;

    public string BoostText => CompiledRule.Describe(Rule.Boost);

    public string BuryText => CompiledRule.Describe(Rule.Bury);

    public bool IsBoosted(long key) => _boosted.Contains(key);

    public bool IsBuried(long key) => _buried.Contains(key);

    public long? KeyOf(string productId) => _keys.TryGetValue(productId, out var key) ? key : null;
}
