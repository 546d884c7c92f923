namespace ProductSearch.Ranking;

/// <summary>
/// Convex combination of normalised scores (Bruch, Gai and Ingber, "An Analysis of Fusion Functions for Hybrid
/// Retrieval", TOIS 2023): fused = α·norm(dense) + (1 − α)·norm(lexical). A product missing from one list takes that
/// list's lowest normalised score, as if it ranked just below its last candidate.
/// </summary>
public static class ConvexCombination
{
    /// <summary>Fuses two lists (each best first) into one, best first.</summary>
    public static IReadOnlyList<FusedCandidate> Fuse(
        IReadOnlyList<(long Key, float Score)> lexical,
        IReadOnlyList<(long Key, float Score)> dense,
        double alpha,
        ScoreNormalizer normalizer)
    {
        if (alpha is < 0 or > 1 || double.IsNaN(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be between 0 and 1.");
        var lexicalNorm = Normalize(lexical, normalizer);
        var denseNorm = Normalize(dense, normalizer);
        var lexicalFloor = lexicalNorm.Length == 0 ? 0 : lexicalNorm.Min();
        var denseFloor = denseNorm.Length == 0 ? 0 : denseNorm.Min();

        var byKey = new Dictionary<long, (int Lexical, int Dense)>();
        for (var i = 0; i < lexical.Count; i++) byKey.TryAdd(lexical[i].Key, (i, -1));
        for (var i = 0; i < dense.Count; i++)
        {
            if (byKey.TryGetValue(dense[i].Key, out var entry)) { if (entry.Dense < 0) byKey[dense[i].Key] = (entry.Lexical, i); }
            else byKey[dense[i].Key] = (-1, i);
        }

        return byKey.Select(kv =>
            {
                var (l, d) = kv.Value;
                var lexicalPart = (1 - alpha) * (l >= 0 ? lexicalNorm[l] : lexicalFloor);
                var densePart = alpha * (d >= 0 ? denseNorm[d] : denseFloor);
                return new FusedCandidate(kv.Key, lexicalPart + densePart,
                    l >= 0 ? new RetrieverHit(l + 1, lexical[l].Score) : null,
                    d >= 0 ? new RetrieverHit(d + 1, dense[d].Score) : null,
                    lexicalPart, densePart);
            })
            .OrderByDescending(c => c.FusedScore)
            .ThenBy(c => Math.Min(c.Lexical?.Rank ?? int.MaxValue, c.Dense?.Rank ?? int.MaxValue))
            .ThenBy(c => c.Key)
            .ToArray();
    }

    /// <summary>Normalises scores over one list.</summary>
    public static double[] Normalize(IReadOnlyList<(long Key, float Score)> list, ScoreNormalizer normalizer)
    {
        var scores = list.Select(h => (double)h.Score).ToArray();
        if (scores.Length == 0) return scores;
        switch (normalizer)
        {
            case ScoreNormalizer.MinMax:
            {
                var (min, max) = (scores.Min(), scores.Max());
                return scores.Select(s => max > min ? (s - min) / (max - min) : 1.0).ToArray();
            }
            case ScoreNormalizer.ZScore:
            {
                var (mean, sd) = MeanAndDeviation(scores);
                return scores.Select(s => sd > 0 ? (s - mean) / sd : 0.0).ToArray();
            }
            default:
            {
                var (mean, sd) = MeanAndDeviation(scores);
                return scores.Select(s => sd > 0 ? Math.Clamp((s - (mean - 3 * sd)) / (6 * sd), 0, 1) : 1.0).ToArray();
            }
        }
    }

    private static (double Mean, double Deviation) MeanAndDeviation(double[] scores)
    {
        var mean = scores.Average();
        return (mean, Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length));
    }
}
