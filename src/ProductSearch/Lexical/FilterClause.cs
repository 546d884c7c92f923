namespace ProductSearch.Lexical;

/// <summary>One condition of a filter; a product passes a filter when it passes every clause.</summary>
public abstract record FilterClause(FilterField Field);

/// <summary>The field equals one of <paramref name="Values"/> (already normalized for text fields).</summary>
public sealed record AnyOfClause(FilterField Field, IReadOnlyList<string> Values) : FilterClause(Field);

/// <summary>The numeric field lies within [<paramref name="Min"/>, <paramref name="Max"/>]; a missing bound is open.</summary>
public sealed record RangeClause(FilterField Field, double? Min, double? Max) : FilterClause(Field);
