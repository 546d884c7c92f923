namespace ProductSearch.Lexical;

/// <summary>One condition of a filter; a product passes a filter when it passes every clause.</summary>
public abstract record FilterClause(FilterField Field);

/// <summary>The field equals one of <paramref name="Values"/> (already normalized for text fields).</summary>
public sealed record AnyOfClause(FilterField Field, IReadOnlyList<string> Values) : FilterClause(Field);

/// <summary>
/// The numeric field lies between <paramref name="Min"/> and <paramref name="Max"/> (each bound included unless
/// <see cref="MinExclusive"/> or <see cref="MaxExclusive"/> says otherwise); a missing bound is open.
/// </summary>
public sealed record RangeClause(FilterField Field, double? Min, double? Max) : FilterClause(Field)
{
    /// <summary>Whether <see cref="RangeClause.Min"/> itself is left out (<c>&gt;</c>).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether <see cref="RangeClause.Max"/> itself is left out (<c>&lt;</c>).</summary>
    public bool MaxExclusive { get; init; }
}
