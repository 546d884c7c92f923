using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Search;

/// <summary>
/// The learned second stage: computes the features of the fused list's first <see cref="RankingProfile.RerankDepth"/>
/// candidates, scores them with the index's stored model, and orders them by <see cref="LearnedOrder"/> (which keeps
/// the negation demotion in force); the candidates below that depth follow in their fused order.
/// </summary>
internal sealed class LearnedReranker(StoredRanker stored, RankerModel model, CandidateFeatures features) : IReranker, IDisposable
{
    /// <summary>The ranker as the index stores it.</summary>
    public StoredRanker Stored => stored;

    public Reranked Rerank(PreparedQuery query, CandidateLists candidates, IReadOnlyList<FusedCandidate> fused, IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        var featured = features.Compute(query, candidates, fused, query.Profile.RerankDepth, snapshot);
        if (featured.Count == 0) return Reranked.Unchanged(fused);
        cancellationToken.ThrowIfCancellationRequested();
        var scores = model.Score(featured.Select(f => f.Features).ToArray());
        var order = LearnedOrder.Rank(scores, featured.Select(f => f.AffirmsNegation).ToArray(), query.Profile.NegationDemotion);
        var scored = featured.Select(f => f.Candidate.Key).ToHashSet();
        var reordered = order.Select(o => featured[o.Index].Candidate with { RankerScore = o.Score })
            .Concat(fused.Where(c => !scored.Contains(c.Key)))
            .ToArray();
        return new Reranked(reordered, featured.ToDictionary(f => f.Candidate.Key, f => f.Features));
    }

    public IReadOnlyList<FeatureContribution> Explain(float[] features)
    {
        var contributions = model.Contributions(features);
        return RankerFeatures.Names.Select((name, i) => new FeatureContribution(name, features[i], contributions[i])).ToArray();
    }

    public void Dispose() => model.Dispose();
}
