namespace ProductSearch.Merchandising;

/// <summary>What a merchandising rule did to a product.</summary>
public enum MerchandisingAction
{
    /// <summary>Placed at a position.</summary>
    Pinned,

    /// <summary>Moved up with the other candidates meeting the rule's boost conditions.</summary>
    Boosted,

    /// <summary>Moved down with the other candidates meeting the rule's bury conditions.</summary>
    Buried,

    /// <summary>Left out of the results.</summary>
    Hidden,
}

/// <summary>A rule of an index's <see cref="MerchandisingRuleSet"/>.</summary>
/// <param name="Number">Its 1-based place in the rules file.</param>
/// <param name="Name">Its name, when it has one.</param>
public sealed record RuleReference(int Number, string? Name)
{
    /// <summary><c>rule 2 ('hammer promo')</c>, or <c>rule 2</c> for a rule without a name.</summary>
    public override string ToString() => Name is null ? $"rule {Number}" : $"rule {Number} ('{Name}')";
}

/// <summary>Why a hit is where it is because of a merchandising rule.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Action">What it did.</param>
/// <param name="Detail">In words: the position pinned, or the conditions met.</param>
public sealed record MerchandisingNote(RuleReference Rule, MerchandisingAction Action, string Detail)
{
    /// <summary><c>pinned at position 1 by rule 2 ('hammer promo')</c>.</summary>
    public override string ToString() => $"{Detail} by {Rule}";
}

/// <summary>A product a rule names, and what the rule does with it.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Action"><see cref="MerchandisingAction.Pinned"/> or <see cref="MerchandisingAction.Hidden"/>.</param>
/// <param name="ProductId">The product's catalog id.</param>
public sealed record RuleProduct(RuleReference Rule, MerchandisingAction Action, string ProductId)
{
    /// <summary><c>rule 2 ('hammer promo') pins 'k9'</c>.</summary>
    public override string ToString() => $"{Rule} {(Action == MerchandisingAction.Hidden ? "hides" : "pins")} '{ProductId}'";
}
