namespace ProductSearch.Evaluation;

/// <summary>One query with its judged products.</summary>
/// <param name="QueryId">The query's id.</param>
/// <param name="Query">The query text.</param>
/// <param name="Labels">Judged products: product id → label.</param>
public sealed record QueryJudgments(string QueryId, string Query, IReadOnlyDictionary<string, EsciLabel> Labels)
{
    /// <summary>The products labelled Exact.</summary>
    public IEnumerable<string> ExactProducts => Labels.Where(l => l.Value == EsciLabel.Exact).Select(l => l.Key);

    /// <summary>The label of <paramref name="productId"/>; unjudged products count as <see cref="EsciLabel.Irrelevant"/>.</summary>
    public EsciLabel LabelOf(string productId) => Labels.TryGetValue(productId, out var label) ? label : EsciLabel.Irrelevant;
}
