using System.Globalization;
using nietras.SeparatedValues;

namespace ProductSearch.Evaluation;

/// <summary>
/// Writes one CSV row per query: <c>query_id, query, exact_products, products_not_in_index</c>, then every metric of
/// every mode as <c>{mode}_{metric}</c> (<c>hybrid_ndcg@10</c>, <c>bm25_recall@50</c>, …). An undefined value (recall
/// of a query without Exact products) is an empty field. Fields are quoted as RFC 4180 needs.
/// </summary>
public static class PerQueryCsv
{
    /// <summary>Writes <paramref name="evaluation"/>'s per-query values to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(RetrievalEvaluation evaluation, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var metrics = evaluation.Options.Metrics;
        var modes = evaluation.Options.Modes;
        await using var csv = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).ToFile(path);
        foreach (var query in evaluation.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var row = csv.NewRow(cancellationToken);
            row["query_id"].Set(query.QueryId);
            row["query"].Set(query.Query);
            row["exact_products"].Format(query.ExactProducts);
            row["products_not_in_index"].Set(query.ProductsNotInIndex?.ToString(CultureInfo.InvariantCulture) ?? "");
            foreach (var mode in modes)
            foreach (var metric in metrics)
            {
                var value = query.Values[mode][metric.Name];
                row[$"{RetrievalEvaluationJson.ModeName(mode)}_{metric.Name}"].Set(value is { } v ? Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture) : "");
            }
        }
    }
}
