using ProductSearch.Ranking;

namespace ProductSearch;

/// <summary>Why a hit ranks where it does: the fusion used, what each retriever contributed, and what the learned second stage made of it.</summary>
/// <param name="Method">Fusion method (null in a single-retriever mode).</param>
/// <param name="LexicalPart">The lexical side's part of the fused score.</param>
/// <param name="DensePart">The dense side's part of the fused score.</param>
/// <param name="Formula">The fusion formula with this hit's numbers in it.</param>
/// <param name="LuceneExplanation">Lucene's explanation of the BM25 score, when asked for.</param>
public sealed record SearchExplanation(FusionMethod? Method, double LexicalPart, double DensePart, string Formula, string? LuceneExplanation)
{
    /// <summary>When the learned second stage reordered the hit: each feature's value and its part in the model's score; otherwise <c>null</c>.</summary>
    public IReadOnlyList<FeatureContribution>? RankerContributions { get; init; }
}
