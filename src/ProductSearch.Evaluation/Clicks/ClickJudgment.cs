namespace ProductSearch.Evaluation.Clicks;

/// <summary>A graded judgment of one product for one query, from clicks.</summary>
/// <param name="QueryId">A stable id of the query text (<see cref="ClickJudgments.QueryIdOf"/>).</param>
/// <param name="Query">The query text (spaces collapsed, case as first logged).</param>
/// <param name="ProductId">The product.</param>
/// <param name="Impressions">How many searches for the query showed it.</param>
/// <param name="Clicks">How many of those chose it (one per search at most).</param>
/// <param name="ExpectedClicks">The clicks an average result would have had in the same positions: Σ over its impressions of the position's click rate.</param>
/// <param name="Gain">The smoothed clicks over expected clicks, <c>(clicks + m) / (expected + m)</c>: 1 is an average result.</param>
/// <param name="Label">The ESCI label the gain maps to by the thresholds of <see cref="ClickModelOptions"/>.</param>
public sealed record ClickJudgment(string QueryId, string Query, string ProductId, int Impressions, int Clicks, double ExpectedClicks, double Gain, EsciLabel Label)
{
    /// <summary>Clicks per impression, with no position correction (what the model improves on).</summary>
    public double ClickThroughRate => Impressions == 0 ? 0 : Clicks / (double)Impressions;
}
