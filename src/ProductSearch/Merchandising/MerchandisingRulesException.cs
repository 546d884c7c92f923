namespace ProductSearch.Merchandising;

/// <summary>A merchandising rules file that cannot be used; the message names the rule and the field.</summary>
public sealed class MerchandisingRulesException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleNumber">The 1-based number of the rule at fault, or <c>null</c> when the fault is outside any rule.</param>
    /// <param name="field">The field at fault (<c>pin[0].position</c>), or <c>null</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="inner">The underlying error.</param>
    public MerchandisingRulesException(int? ruleNumber, string? field, string problem, Exception? inner = null)
        : base(ProductSearchErrorReason.InvalidInput, Describe(ruleNumber, field, problem), inner)
    {
        RuleNumber = ruleNumber;
        Field = field;
    }

    /// <summary>The 1-based number of the rule at fault, or <c>null</c> when the fault is outside any rule.</summary>
    public int? RuleNumber { get; }

    /// <summary>The field at fault (<c>query</c>, <c>pin[0].position</c>, <c>bury[1]</c>), or <c>null</c>.</summary>
    public string? Field { get; }

    private static string Describe(int? ruleNumber, string? field, string problem)
    {
        var where = (ruleNumber, field) switch
        {
            ({ } rule, { } f) => $"rule {rule}, field '{f}'",
            ({ } rule, null) => $"rule {rule}",
            (null, { } f) => $"field '{f}'",
            _ => null,
        };
        return where is null ? $"Merchandising rules: {problem}" : $"Merchandising rules, {where}: {problem}";
    }
}
