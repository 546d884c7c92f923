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
internal sealed record SearchAnswer(long Generation, string Mode, IReadOnlyList<HitAnswer> Hits, int? FilterMatches, string? DidYouMean, bool FromCache, double TookMs);

/// <summary>One result.</summary>
/// <param name="Rank">1-based rank in the whole answer.</param>
/// <param name="Id">The product's catalog id.</param>
/// <param name="Score">The fused score (or the single retriever's).</param>
/// <param name="Highlight">The title as HTML with the matched words in &lt;mark&gt;.</param>
/// <param name="Product">The product.</param>
internal sealed record HitAnswer(int Rank, string Id, double Score, string? Highlight, Product Product);

/// <summary>One suggestion.</summary>
/// <param name="Text">The completed text.</param>
/// <param name="Kind">pastquery, query or brand.</param>
/// <param name="Products">Products that use the completed words (or of the brand).</param>
/// <param name="Searches">For a past query: how often shoppers searched it.</param>
internal sealed record SuggestionAnswer(string Text, string Kind, int Products, int Searches);
