using Microsoft.Extensions.Caching.Memory;
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
/// Gathers what <see cref="RankerFeatureExtractor"/> needs for the top of a fused list — each product's analysed title
/// and brand, the combined-field BM25 score of every candidate (also those BM25 did not return), the negation hits —
/// and computes their features. Training and the rerank stage both come here. A product's text side is read from the
/// store and analysed once per commit, then kept (up to <paramref name="cachedProducts"/>, none when 0): popular
/// products are candidates of many searches, and the read and the analysis are most of the stage's cost.
/// </summary>
internal sealed class CandidateFeatures(RankerFeatureExtractor extractor, int cachedProducts) : IDisposable
{
    private readonly MemoryCache? _products = cachedProducts > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = cachedProducts, CompactionPercentage = 0.25 })
        : null;

    /// <summary>The first <paramref name="depth"/> candidates of <paramref name="fused"/>, in fused order, with their features.</summary>
    public IReadOnlyList<FeaturedCandidate> Compute(PreparedQuery query, CandidateLists lists, IReadOnlyList<FusedCandidate> fused, int depth, IndexSnapshot snapshot)
    {
        var top = fused.Take(depth).ToArray();
        var texts = Texts(top, snapshot);
        var lexical = LexicalScores(query, top, snapshot);
        var asked = extractor.Query(query.Request.Query);
        var featured = new List<FeaturedCandidate>(top.Length);
        for (var i = 0; i < top.Length; i++)
        {
            // A key missing from the store would mean the stores disagree; fetching skips it too.
            if (!texts.TryGetValue(top[i].Key, out var text)) continue;
            var affirms = lists.AffirmNegated.Contains(top[i].Key);
            var input = new RankerCandidateInput(top[i], i + 1, top[i].Lexical?.Score ?? lexical.GetValueOrDefault(top[i].Key), affirms);
            featured.Add(new FeaturedCandidate(top[i], text.ProductId, affirms, RankerFeatureExtractor.Compute(asked, text, input)));
        }
        return featured;
    }

    /// <summary>Each candidate's text side: from the cache, else read (all the misses at once) and analysed.</summary>
    private Dictionary<long, ProductText> Texts(FusedCandidate[] top, IndexSnapshot snapshot)
    {
        var generation = snapshot.Manifest.Generation;
        var texts = new Dictionary<long, ProductText>(top.Length);
        var missing = new List<long>();
        foreach (var candidate in top)
        {
            if (_products is not null && _products.TryGetValue((generation, candidate.Key), out ProductText? text)) texts[candidate.Key] = text!;
            else missing.Add(candidate.Key);
        }
        foreach (var (key, product) in snapshot.Store.GetMany(missing))
        {
            var text = extractor.Product(product.Id, product.Title, product.Brand);
            _products?.Set((generation, key), text, new MemoryCacheEntryOptions { Size = 1 });
            texts[key] = text;
        }
        return texts;
    }

    /// <summary>
    /// The BM25 scores of the candidates BM25 did not return within its depth (those it did carry theirs): one search
    /// restricted to them, so a dense-only candidate gets its real score, not a sentinel.
    /// </summary>
    private static IReadOnlyDictionary<long, float> LexicalScores(PreparedQuery query, FusedCandidate[] top, IndexSnapshot snapshot)
    {
        var unscored = top.Where(c => c.Lexical is null).Select(c => c.Key).ToArray();
        return query.LexicalQuery is { } bm25 && unscored.Length > 0
            ? snapshot.Lexical.ScoresOf(bm25.Query, unscored, query.Profile.Lexical)
            : new Dictionary<long, float>();
    }

    public void Dispose() => _products?.Dispose();
}
