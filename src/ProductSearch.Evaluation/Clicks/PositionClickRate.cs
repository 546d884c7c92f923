namespace ProductSearch.Evaluation.Clicks;

/// <summary>How often a result at one position was chosen, over the whole log: the model's yardstick of position bias.</summary>
/// <param name="Position">1-based position (offset included).</param>
/// <param name="Impressions">Results seen at this position.</param>
/// <param name="Clicks">Of those, results chosen.</param>
public sealed record PositionClickRate(int Position, long Impressions, long Clicks)
{
    /// <summary>Clicks / impressions: the expected clicks of one impression at this position.</summary>
    public double Rate => Impressions == 0 ? 0 : Clicks / (double)Impressions;
}
