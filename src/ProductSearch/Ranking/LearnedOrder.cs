namespace ProductSearch.Ranking;

/// <summary>
/// How the second stage turns a model's scores into an order, the same in training's cross-validation and in search:
/// the scores of the reordered candidates are min-max normalised to [0, 1] within the query, a candidate whose title
/// affirms what the query negates has its score multiplied by the profile's <see cref="RankingProfile.NegationDemotion"/>
/// (as fusion does with fused scores), and ties keep the fused order. The demotion stays after the model because a
/// research run found the model alone did not learn the negation rule from ~100 queries.
/// </summary>
public static class LearnedOrder
{
    /// <summary>The candidates best first, as indexes into the inputs (which are in fused order), each with its final score.</summary>
    /// <param name="scores">The model's score of each candidate.</param>
    /// <param name="affirmsNegation">Whether each candidate's title affirms what the query negates.</param>
    /// <param name="negationDemotion">The factor such a candidate's normalised score is multiplied by (1: none).</param>
    public static IReadOnlyList<(int Index, double Score)> Rank(IReadOnlyList<float> scores, IReadOnlyList<bool> affirmsNegation, double negationDemotion)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(affirmsNegation);
        if (scores.Count != affirmsNegation.Count) throw new ArgumentException("One negation flag per score is needed.", nameof(affirmsNegation));
        if (scores.Count == 0) return [];
        var (low, high) = (scores.Min(), scores.Max());
        var span = high - low;
        return scores
            .Select((score, i) =>
            {
                var normalised = span > 0 ? (score - low) / (double)span : 1.0;
                return (Index: i, Score: affirmsNegation[i] ? normalised * negationDemotion : normalised);
            })
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index)
            .ToArray();
    }
}
