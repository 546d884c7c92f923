namespace ProductSearch.Evaluation.Clicks;

/// <summary>How judgments from clicks value one impression at a position (the "expected clicks" of clicks over expected clicks).</summary>
public enum PositionCurve
{
    /// <summary>
    /// By how often shoppers look at the position, estimated from the log with the position-based model (EM over
    /// impressions: click = looked at × attracted), scaled so that expected clicks add up to the clicks. Separates the
    /// position's pull from the relevance of what the engine put there.
    /// </summary>
    Examination,

    /// <summary>
    /// By the raw click rate of the position (classic COEC). Simpler, but the top positions' rates also hold the
    /// engine's better results, so a result shown first is expected to be clicked too often and one shown lower too
    /// rarely: the correction overshoots when the ranker is good.
    /// </summary>
    ClickRate,
}
