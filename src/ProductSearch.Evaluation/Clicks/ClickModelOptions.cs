using ProductSearch.Behavior;

namespace ProductSearch.Evaluation.Clicks;

/// <summary>Options of judgments from clicks (<see cref="ClickJudgments"/>).</summary>
public sealed record ClickModelOptions
{
    /// <summary>A (query, product) pair seen fewer times than this is left out (counted in the report): its click rate is noise.</summary>
    public int MinImpressions { get; init; } = 10;

    /// <summary>
    /// Strength of the prior, in expected clicks: a pair's gain is <c>(clicks + m) / (expected clicks + m)</c>, so a
    /// pair with little evidence sits near 1 (an average result) rather than at 0 or at a lucky high. 0 turns it off.
    /// </summary>
    public double PriorStrength { get; init; } = 1.0;

    /// <summary>What one impression at a position is worth in expected clicks (default: by examination, from the position-based model).</summary>
    public PositionCurve PositionCurve { get; init; } = PositionCurve.Examination;

    /// <summary>What counts as seen (default: impression events when the log has them).</summary>
    public ImpressionSource Impressions { get; init; } = ImpressionSource.Auto;

    /// <summary>Actions that count as a click (each implies the result was seen); default click, click_through, add_to_cart, purchase.</summary>
    public IReadOnlySet<string> ChoiceActions { get; init; } = UbiActions.Choices;

    /// <summary>The least gain labelled Exact (default 1: chosen at least as often as an average result in the same places).</summary>
    public double ExactThreshold { get; init; } = 1.0;

    /// <summary>The least gain labelled Substitute (default 0.5).</summary>
    public double SubstituteThreshold { get; init; } = 0.5;

    /// <summary>The least gain labelled Complement (default 0.25); below it, Irrelevant.</summary>
    public double ComplementThreshold { get; init; } = 0.25;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MinImpressions < 1) throw new ArgumentException($"The minimum impressions must be at least 1, got {MinImpressions}.", nameof(MinImpressions));
        if (!double.IsFinite(PriorStrength) || PriorStrength < 0) throw new ArgumentException($"The prior strength must be a number ≥ 0, got {PriorStrength}.", nameof(PriorStrength));
        if (ChoiceActions is null || ChoiceActions.Count == 0) throw new ArgumentException("At least one action must count as a click.", nameof(ChoiceActions));
        if (ChoiceActions.Contains(UbiActions.Impression)) throw new ArgumentException("An impression cannot count as a click.", nameof(ChoiceActions));
        if (!(ExactThreshold >= SubstituteThreshold && SubstituteThreshold >= ComplementThreshold && ComplementThreshold >= 0))
            throw new ArgumentException($"Label thresholds must fall from Exact to Complement and stay ≥ 0, got {ExactThreshold}, {SubstituteThreshold}, {ComplementThreshold}.", nameof(ExactThreshold));
    }

    /// <summary>The label of a gain by the thresholds.</summary>
    public EsciLabel LabelOf(double gain) =>
        gain >= ExactThreshold ? EsciLabel.Exact
        : gain >= SubstituteThreshold ? EsciLabel.Substitute
        : gain >= ComplementThreshold ? EsciLabel.Complement
        : EsciLabel.Irrelevant;
}
