namespace ProductSearch.Ranking;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., SIGIR 2009): score(d) = Σ wᵢ / (k + rankᵢ(d)). It needs no score
/// calibration between BM25 and cosine, which is why it is the default; ties are broken by the better single
/// rank, then by key, so results are deterministic.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The rank constant from the paper.</summary>
    public const int DefaultRankConstant = 60;

    /// <summary>
    /// Fuses a lexical and a dense list (each best first) into one list, best first.
    /// </summary>
    public static IReadOnlyList<FusedCandidate> Fuse(
        IReadOnlyList<(long Key, float Score)> lexical,
        IReadOnlyList<(long Key, float Score)> dense,
        int rankConstant = DefaultRankConstant,
        double lexicalWeight = 1.0,
        double denseWeight = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rankConstant);
        var byKey = new Dictionary<long, (RetrieverHit? Lexical, RetrieverHit? Dense)>();
        for (var i = 0; i < lexical.Count; i++)
        {
            if (!byKey.ContainsKey(lexical[i].Key)) byKey[lexical[i].Key] = (new RetrieverHit(i + 1, lexical[i].Score), null);
        }
        for (var i = 0; i < dense.Count; i++)
        {
            byKey.TryGetValue(dense[i].Key, out var entry);
            if (entry.Dense is null) byKey[dense[i].Key] = (entry.Lexical, new RetrieverHit(i + 1, dense[i].Score));
        }

        return byKey
            .Select(kv =>
            {
                var lexicalPart = Contribution(kv.Value.Lexical, rankConstant, lexicalWeight);
                var densePart = Contribution(kv.Value.Dense, rankConstant, denseWeight);
                return new FusedCandidate(kv.Key, lexicalPart + densePart, kv.Value.Lexical, kv.Value.Dense, lexicalPart, densePart);
            })
            .OrderByDescending(c => c.FusedScore)
            .ThenBy(c => Math.Min(c.Lexical?.Rank ?? int.MaxValue, c.Dense?.Rank ?? int.MaxValue))
            .ThenBy(c => c.Key)
            .ToArray();
    }

    private static double Contribution(RetrieverHit? hit, int rankConstant, double weight) =>
        hit is { } h ? weight / (rankConstant + h.Rank) : 0;
}
