namespace ProductSearch.Merchandising;

/// <summary>
/// One merchandising rule: the queries it applies to, and what it does to their results — pin products at positions,
/// hide products, boost or bury the candidates that match a condition. See <see cref="MerchandisingRuleSet"/> for how
/// rules are applied.
/// </summary>
public sealed record MerchandisingRule
{
    /// <summary>A name to tell the rule by in explanations (optional).</summary>
    public string? Name { get; init; }

    /// <summary>The queries the rule applies to.</summary>
    public required RuleQuery Query { get; init; }

    /// <summary>Products (by catalog id) placed at 1-based positions of the results.</summary>
    public IReadOnlyList<PinnedProduct> Pin { get; init; } = [];

    /// <summary>Products (by catalog id) that never appear in the results.</summary>
    public IReadOnlyList<string> Hide { get; init; } = [];

    /// <summary>
    /// Filter conditions (<c>brand=Acme</c>, <c>color=red,blue</c>, <c>rating&gt;=4</c>), all of which a candidate must
    /// meet to be moved up, as a block, ahead of the others; empty for none.
    /// </summary>
    public IReadOnlyList<string> Boost { get; init; } = [];

    /// <summary>Filter conditions, all of which a candidate must meet to be moved down, as a block, behind the others; empty for none.</summary>
    public IReadOnlyList<string> Bury { get; init; } = [];
}

/// <summary>
/// Which queries a rule applies to: exactly one of <see cref="Exact"/> and <see cref="Contains"/>. Both compare words:
/// case, accents' composition (Unicode NFKC), spaces and punctuation between words do not matter.
/// </summary>
public sealed record RuleQuery
{
    /// <summary>The query must be these words, in this order, and nothing else.</summary>
    public string? Exact { get; init; }

    /// <summary>The query must hold every one of these words, in any order, among others.</summary>
    public IReadOnlyList<string>? Contains { get; init; }
}

/// <summary>A product a rule places at a position.</summary>
/// <param name="Id">The product's catalog id.</param>
/// <param name="Position">Its 1-based position in the whole answer (offset included).</param>
public sealed record PinnedProduct(string Id, int Position);
