namespace ProductSearch.Ranking;

/// <summary>
/// The last step of fusion: a candidate whose title affirms a word the query negates ("knife set without block" → a
/// title with "block" that does not itself say "without block") has its fused score multiplied by a factor, and the
/// list is sorted again (ties keep their fused order). A mild push, not a removal: ESCI's judges often still call such
/// products substitutes, and ×0.6 (convex) or ×0.8 (RRF) ranked best on the ESCI sample (RESULTS.md, "Ranking").
/// </summary>
public static class NegationDemotion
{
    /// <summary><paramref name="fused"/> with the candidates in <paramref name="affirming"/> demoted by <paramref name="factor"/> (1: unchanged).</summary>
    public static IReadOnlyList<FusedCandidate> Apply(IReadOnlyList<FusedCandidate> fused, IReadOnlySet<long> affirming, double factor)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(affirming);
        if (affirming.Count == 0 || factor >= 1 || fused.Count == 0) return fused;
        return fused
            .Select((candidate, rank) => (Candidate: affirming.Contains(candidate.Key)
                ? candidate with { FusedScore = candidate.FusedScore * factor, Demotion = factor }
                : candidate, Rank: rank))
            .OrderByDescending(c => c.Candidate.FusedScore).ThenBy(c => c.Rank)
            .Select(c => c.Candidate)
            .ToArray();
    }
}
