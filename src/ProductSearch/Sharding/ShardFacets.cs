namespace ProductSearch.Sharding;

/// <summary>
/// One value of a facet counted over part of a result set, before the parts are added up and ordered: a keyword or
/// boolean value, a number, or a range.
/// </summary>
/// <param name="Term">The value as indexed (keywords lowercased; numbers written round-trip; a range's label).</param>
/// <param name="Shown">The value as shown (a keyword as its first product writes it).</param>
/// <param name="Count">Products of the part holding it.</param>
/// <param name="Example">The first product of the part (in result order) holding it, whose spelling <paramref name="Shown"/> is; −1 for numbers and ranges.</param>
public sealed record FacetTallyValue(string Term, string Shown, int Count, long Example)
{
    /// <summary>For a range: its bounds (every part lists every range, in the same order); <c>null</c> for a value.</summary>
    public FacetRange? Range { get; init; }
}

/// <summary>
/// A facet counted over one shard's part of a result set (<see cref="IShardSearcher.CountFacetsAsync"/>), with what
/// the coordinator needs to count it as one index does.
/// </summary>
/// <param name="Name">The facet's field, as the schema names it (the key of <see cref="SearchResponse.Facets"/>).</param>
/// <param name="FilteredField">
/// The filter field of the facet when the request filters on it — the facet is then disjunctive: counted again over the
/// result set without that field's filters (<see cref="ShardQuery.UnfilteredField"/>) — else <c>null</c>.
/// </param>
/// <param name="KeepsPicked">For a disjunctive facet: whether the picked values keep their counts in the result set itself (keyword and boolean facets) rather than all taking the counts without the filter (numbers and ranges).</param>
/// <param name="Values">The values' counts.</param>
public sealed record ShardFacetTally(string Name, string? FilteredField, bool KeepsPicked, IReadOnlyList<FacetTallyValue> Values);
