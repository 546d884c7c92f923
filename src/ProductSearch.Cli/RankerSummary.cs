using System.Globalization;
using ProductSearch.Evaluation;
using ProductSearch.Ranking;

namespace ProductSearch.Cli;

/// <summary>How the commands describe a learned ranker and its cross-validated estimate, in one voice.</summary>
internal static class RankerSummary
{
    /// <summary>The way out for a ranker this version cannot use.</summary>
    public static string Retrain(string indexPath) => $"retrain it with 'productsearch train-ranker --examples FILE --index {indexPath}'";

    /// <summary>"held-out nDCG@10: fused 0.6576, ranked 0.6612, +0.0036 [-0.0080, +0.0150], p 0.5500 (100 queries, 5 folds × 1)".</summary>
    public static string Estimate(RankerEstimate e) => string.Create(CultureInfo.InvariantCulture,
        $"held-out nDCG@10: fused {e.FusedNdcg:F4}, ranked {e.RankedNdcg:F4}, {Signed(e.Difference)} [{Signed(e.DifferenceLow)}, {Signed(e.DifferenceHigh)}], p {e.PValue:F4} ({e.Queries} queries, {e.Folds} folds × {e.Repeats})");

    /// <summary>One line for <c>info</c>: whether the index uses the ranker, what it is and how it was estimated.</summary>
    public static string Describe(StoredRanker ranker) =>
        $"{(ranker.Enabled ? "enabled" : "stored, NOT enabled")}; {ranker.Settings}, depth {ranker.Depth}, {ranker.FeatureSet}; trained {ranker.TrainedAt:u} on {ranker.Source}; {Estimate(ranker.Estimate)}";

    /// <summary>The spread of the outer folds' differences: "fold differences -0.0200 … +0.0300 (sd 0.0180)".</summary>
    public static string Spread(IReadOnlyList<double> differences)
    {
        var mean = differences.Average();
        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, differences.Count - 1));
        return string.Create(CultureInfo.InvariantCulture, $"fold differences {Signed(differences.Min())} … {Signed(differences.Max())} (sd {sd:F4})");
    }

    public static string Signed(double value) => value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    /// <summary>One outer fold as a table row.</summary>
    public static string Row(RankerFold fold) => string.Create(CultureInfo.InvariantCulture,
        $"  {fold.Repeat + 1,6}  {fold.Fold + 1,4}  {fold.Queries,7}  {fold.Chosen.Leaves,6}  {fold.FusedNdcg,6:F4}  {fold.RankedNdcg,6:F4}  {Signed(fold.RankedNdcg - fold.FusedNdcg),10}");
}
