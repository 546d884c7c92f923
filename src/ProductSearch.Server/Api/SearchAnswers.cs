using System.Text.Json.Serialization;
using ProductSearch.Catalog;

namespace ProductSearch.Server.Api;

/// <summary>The answer to a search.</summary>
/// <param name="Generation">The index commit searched.</param>
/// <param name="Mode">The mode used.</param>
/// <param name="Hits">Results, best first.</param>
/// <param name="FilterMatches">Products that pass the filters; <c>null</c> without filters.</param>
/// <param name="DidYouMean">The query with unknown words corrected, when any were.</param>
/// <param name="FromCache">Whether the answer came from the engine's result cache.</param>
/// <param name="TookMs">Time spent in the engine, in milliseconds.</param>
/// <param name="TotalHits">Products in the whole result set (all pages), after filters and merchandising rules.</param>
/// <param name="TotalHitsLowerBound">Whether <paramref name="TotalHits"/> is only a lower bound (the result set was cut at its limit).</param>
/// <param name="Sort">The sort applied (FIELD:asc or FIELD:desc), or <c>null</c> for relevance.</param>
/// <param name="Facets">The counts asked for, by field: values (or ranges, with their bounds) and how many products have each.</param>
/// <param name="Rules">With explain: the merchandising rules that matched the query.</param>
/// <param name="Hidden">With explain: the products a rule hid.</param>
internal sealed record SearchAnswer(long Generation, string Mode, IReadOnlyList<HitAnswer> Hits, int? FilterMatches, string? DidYouMean, bool FromCache, double TookMs,
    int TotalHits, bool TotalHitsLowerBound, string? Sort, IReadOnlyDictionary<string, FacetAnswer[]> Facets, RuleAnswer[]? Rules, HiddenAnswer[]? Hidden);

/// <summary>One result.</summary>
/// <param name="Rank">1-based rank in the whole answer.</param>
/// <param name="Id">The product's catalog id.</param>
/// <param name="Score">The fused score (or the single retriever's).</param>
/// <param name="Highlight">The title as HTML with the matched words in &lt;mark&gt;.</param>
/// <param name="Product">The product, its custom attributes in <c>attributes</c>.</param>
/// <param name="Merchandising">With explain: what merchandising rules did to it (pinned, boosted, buried).</param>
internal sealed record HitAnswer(int Rank, string Id, double Score, string? Highlight, Product Product, MerchandisingAnswer[]? Merchandising);

/// <summary>One count of a facet.</summary>
/// <param name="Value">The value as indexed (keywords lowercased), or a range's label (25-50, 200+, 4+).</param>
/// <param name="Count">Products of the result set with it.</param>
/// <param name="Min">A range's lowest value, included (absent for value counts and open ranges).</param>
/// <param name="Max">The value above a range (absent for value counts and open ranges).</param>
internal sealed record FacetAnswer(string Value, int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max)
{
    public static FacetAnswer From(FacetValue value) => new(value.Value, value.Count, value.Range?.Min, value.Range?.Max);
}

/// <summary>A merchandising rule, as the rules file numbers and names it.</summary>
/// <param name="Number">1-based, in the file's order.</param>
/// <param name="Name">Its name, when it has one.</param>
internal sealed record RuleAnswer(int Number, string? Name);

/// <summary>A product a rule hid from the answer.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="Rule">The number of the rule that hid it.</param>
internal sealed record HiddenAnswer(string ProductId, int Rule);

/// <summary>What one rule did to a hit.</summary>
/// <param name="Rule">The rule's number.</param>
/// <param name="RuleName">The rule's name, when it has one.</param>
/// <param name="Action">pinned, boosted or buried.</param>
/// <param name="Detail">What it did, in words.</param>
internal sealed record MerchandisingAnswer(int Rule, string? RuleName, string Action, string Detail);

/// <summary>One suggestion.</summary>
/// <param name="Text">The completed text.</param>
/// <param name="Kind">pastquery, query or brand.</param>
/// <param name="Products">Products that use the completed words (or of the brand).</param>
/// <param name="Searches">For a past query: how often shoppers searched it.</param>
internal sealed record SuggestionAnswer(string Text, string Kind, int Products, int Searches);
