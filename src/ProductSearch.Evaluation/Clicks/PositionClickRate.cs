namespace ProductSearch.Evaluation.Clicks;

/// <summary>One position over the whole log: how often its results were chosen, how often it is looked at, and what one impression there is worth.</summary>
/// <param name="Position">1-based position (offset included).</param>
/// <param name="Impressions">Results seen at this position.</param>
/// <param name="Clicks">Of those, results chosen.</param>
/// <param name="Examination">γ: how often shoppers look at the position, by the position-based model, the most looked-at position 1 (NaN under <see cref="PositionCurve.ClickRate"/>).</param>
/// <param name="ExpectedClicks">What one impression here adds to a pair's expected clicks: the click rate, or γ scaled so expected clicks add up to the clicks.</param>
public sealed record PositionClickRate(int Position, long Impressions, long Clicks, double Examination, double ExpectedClicks)
{
    /// <summary>Clicks / impressions.</summary>
    public double Rate => Impressions == 0 ? 0 : Clicks / (double)Impressions;
}
