using ProductSearch.Catalog;
using ProductSearch.Ranking;

namespace ProductSearch;

/// <summary>One result: the product, its fused score, and what each retriever said of it.</summary>
/// <param name="Rank">1-based rank in the whole answer (offset included).</param>
/// <param name="Product">The product, read from the product store.</param>
/// <param name="Score">The fused score, or the single retriever's score in a single mode (a learned second stage may order hits otherwise: see <see cref="RankerScore"/>).</param>
/// <param name="Lexical">BM25 rank and score, when BM25 found it.</param>
/// <param name="Dense">Dense rank and cosine similarity, when dense retrieval found it.</param>
/// <param name="Explanation">Why it ranks here, when the request asked.</param>
public sealed record SearchHit(int Rank, Product Product, double Score, RetrieverHit? Lexical, RetrieverHit? Dense, SearchExplanation? Explanation = null)
{
    /// <summary>
    /// The title as HTML with the words the query matched (exactly, by stem, with a typo, as a prefix or through a
    /// synonym) in <c>&lt;mark&gt;</c>; the encoded title when none did.
    /// </summary>
    public string? Highlight { get; init; }

    /// <summary>The learned second stage's score (0–1, the order of the hits it reordered), when it reordered this hit.</summary>
    public double? RankerScore { get; init; }

    /// <summary>What the index's merchandising rules did to this hit (pinned, boosted, buried: which rule, why); empty when nothing.</summary>
    public IReadOnlyList<Merchandising.MerchandisingNote> Merchandising { get; init; } = [];
}
