namespace ProductSearch.Evaluation.Clicks;

/// <summary>Judgments from a behaviour log, with the report of what was read and left out.</summary>
/// <param name="Judgments">One per (query, product) kept, by query text then gain, best first.</param>
/// <param name="Report">What reading and modelling met.</param>
public sealed record ClickJudgmentsResult(IReadOnlyList<ClickJudgment> Judgments, ClickLogReport Report)
{
    /// <summary>
    /// The judgments as <see cref="QueryJudgments"/> with graded gains, incomplete (products never shown are unknown,
    /// not irrelevant), as <c>tune</c>, <c>eval retrieval</c> and the metrics read them from the written file.
    /// </summary>
    public IReadOnlyList<QueryJudgments> ToQueryJudgments() => Judgments
        .GroupBy(j => j.QueryId, StringComparer.Ordinal)
        .Select(g => new QueryJudgments(g.Key, g.First().Query, g.ToDictionary(j => j.ProductId, j => j.Label, StringComparer.Ordinal))
        {
            Gains = g.ToDictionary(j => j.ProductId, j => j.Gain, StringComparer.Ordinal),
            Complete = false,
        })
        .ToArray();
}
