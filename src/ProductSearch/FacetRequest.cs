namespace ProductSearch;

/// <summary>
/// Counts asked of one facetable field over the whole result set (<see cref="SearchRequest.Facets"/>): value counts
/// for a keyword or boolean field; for a number field, counts per range — <see cref="Ranges"/>, or by default price
/// bands (0–25, 25–50, 50–100, 100–200, 200+) for price, ≥ 1 … ≥ 4 for rating, and each distinct value for the others.
/// </summary>
/// <param name="Field">The field's name.</param>
public sealed record FacetRequest(string Field)
{
    /// <summary>The ranges to count a number field in; <c>null</c>: the defaults above.</summary>
    public IReadOnlyList<FacetRange>? Ranges { get; init; }

    /// <inheritdoc />
    public override string ToString() => Ranges is null ? Field : Field + "[" + string.Join(";", Ranges) + "]";
}

/// <summary>A range of a number facet: from <paramref name="Min"/> (included) to <paramref name="Max"/> (left out); a missing bound is open.</summary>
/// <param name="Min">Lowest value counted, included; <c>null</c>: no lower bound.</param>
/// <param name="Max">Value above the range, left out; <c>null</c>: no upper bound.</param>
public sealed record FacetRange(double? Min, double? Max)
{
    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value < max);

    /// <summary>The range's label: <c>25-50</c>, <c>200+</c>, <c>&lt;25</c>, <c>4+</c>.</summary>
    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) => FormattableString.Invariant($"{min}-{max}"),
        ({ } min, null) => FormattableString.Invariant($"{min}+"),
        (null, { } max) => FormattableString.Invariant($"<{max}"),
        _ => "all",
    };
}

/// <summary>One count of a facet: a value (or a range's label) and how many products of the result set have it.</summary>
/// <param name="Value">The value as indexed (keywords lowercased; <c>true</c>/<c>false</c>; a number), or a range's label.</param>
/// <param name="Count">Products of the result set with it.</param>
public sealed record FacetValue(string Value, int Count)
{
    /// <summary>For a range: its bounds; <c>null</c> for a value count.</summary>
    public FacetRange? Range { get; init; }
}
