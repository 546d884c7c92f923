using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>One fused candidate with its second-stage features.</summary>
/// <param name="Candidate">The candidate as fusion left it.</param>
/// <param name="ProductId">Its catalog id.</param>
/// <param name="AffirmsNegation">Whether its title affirms what the query negates.</param>
/// <param name="Features">Its features, in <see cref="RankerFeatures.Names"/> order.</param>
internal sealed record FeaturedCandidate(FusedCandidate Candidate, string ProductId, bool AffirmsNegation, float[] Features);

/// <summary>
/// Gathers what <see cref="RankerFeatureExtractor"/> needs for the top of a fused list — the products' titles and
/// brands from the store, the combined-field BM25 score of every one of them (also those BM25 did not return), the
/// negation hits — and computes their features. Training and the rerank stage both come here.
/// </summary>
internal sealed class CandidateFeatures(RankerFeatureExtractor extractor)
{
    /// <summary>The first <paramref name="depth"/> candidates of <paramref name="fused"/>, in fused order, with their features.</summary>
    public IReadOnlyList<FeaturedCandidate> Compute(PreparedQuery query, CandidateLists lists, IReadOnlyList<FusedCandidate> fused, int depth, IndexSnapshot snapshot)
    {
        var top = fused.Take(depth).ToArray();
        var keys = top.Select(c => c.Key).ToArray();
        var products = snapshot.Store.GetMany(keys);
        var lexical = query.LexicalQuery is { } bm25 ? snapshot.Lexical.ScoresOf(bm25.Query, keys, query.Profile.Lexical) : new Dictionary<long, float>();
        var asked = extractor.Query(query.Request.Query);
        var featured = new List<FeaturedCandidate>(top.Length);
        for (var i = 0; i < top.Length; i++)
        {
            // A key missing from the store would mean the stores disagree; fetching skips it too.
            if (!products.TryGetValue(top[i].Key, out var product)) continue;
            var affirms = lists.AffirmNegated.Contains(top[i].Key);
            var input = new RankerCandidateInput(top[i], i + 1, lexical.GetValueOrDefault(top[i].Key), product.Title, product.Brand, affirms);
            featured.Add(new FeaturedCandidate(top[i], product.Id, affirms, extractor.Compute(asked, input)));
        }
        return featured;
    }
}
