namespace ProductSearch.Evaluation;

/// <summary>One query with its judged products.</summary>
/// <param name="QueryId">The query's id.</param>
/// <param name="Query">The query text.</param>
/// <param name="Labels">Judged products: product id → label.</param>
public sealed record QueryJudgments(string QueryId, string Query, IReadOnlyDictionary<string, EsciLabel> Labels)
{
    /// <summary>
    /// Graded gains that replace the labels' ESCI gains in nDCG, for judgments that carry a number (a <c>gain</c>
    /// column, as judgments from clicks do): product id → gain ≥ 0. <c>null</c> (ESCI files) uses
    /// <see cref="EsciLabels.Gain"/>; a product missing here falls back to its label's gain. Labels still decide what
    /// counts as Exact for recall and MRR.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Gains { get; init; }

    /// <summary>
    /// Whether a product this query has no judgment for is known to be irrelevant (<c>true</c>, as in ESCI, whose
    /// judges saw a pool of candidates) or simply unknown (<c>false</c>: judgments from clicks cover only what some
    /// ranker showed). Metrics over incomplete judgments skip unjudged products instead of counting them 0 — condensed
    /// lists (Sakai 2007) — so that a ranking is not rewarded merely for repeating the ranker that was judged.
    /// </summary>
    public bool Complete { get; init; } = true;

    /// <summary>The products labelled Exact.</summary>
    public IEnumerable<string> ExactProducts => Labels.Where(l => l.Value == EsciLabel.Exact).Select(l => l.Key);

    /// <summary>The label of <paramref name="productId"/>; unjudged products count as <see cref="EsciLabel.Irrelevant"/>.</summary>
    public EsciLabel LabelOf(string productId) => Labels.TryGetValue(productId, out var label) ? label : EsciLabel.Irrelevant;

    /// <summary><paramref name="ranked"/> as the metrics read it: whole, or without the unjudged products when the judgments are not <see cref="Complete"/>.</summary>
    public IReadOnlyList<string> Judged(IReadOnlyList<string> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return Complete ? ranked : ranked.Where(Labels.ContainsKey).ToArray();
    }

    /// <summary>The gain of <paramref name="productId"/> for nDCG: its graded gain if it has one, else its label's ESCI gain (0 when unjudged).</summary>
    public double GainOf(string productId) =>
        Gains is not null && Gains.TryGetValue(productId, out var gain) ? gain : EsciLabels.Gain(LabelOf(productId));
}
