using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductSearch.Evaluation;

/// <summary>
/// Writes an evaluation as one JSON object: <c>{"queries":…, "modes": {"bm25": {"ndcg@10":…, …, "ci95": {…}}, …},
/// "tests": […], "counts": {…}, "settings": {…}, "run": {…}}</c>. The same object is printed by
/// <c>eval retrieval --json</c> and written to the report's <c>summary.json</c>.
/// </summary>
public static class RetrievalEvaluationJson
{
    private const int Digits = 6;

    /// <summary>The JSON text of <paramref name="evaluation"/>.</summary>
    public static string ToJson(RetrievalEvaluation evaluation, RetrievalRunInfo? run = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, evaluation, run);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="evaluation"/> to <paramref name="output"/>, indented.</summary>
    public static void Write(Stream output, RetrievalEvaluation evaluation, RetrievalRunInfo? run = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("queries", evaluation.Queries.Count);
        json.WriteStartObject("modes");
        foreach (var mode in evaluation.Modes)
        {
            json.WriteStartObject(ModeName(mode.Mode));
            foreach (var (name, estimate) in mode.Metrics) Number(json, name, estimate.Mean);
            json.WriteStartObject("ci95");
            foreach (var (name, estimate) in mode.Metrics)
            {
                json.WriteStartObject(name);
                Number(json, "low", estimate.Low);
                Number(json, "high", estimate.High);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("queries_scored");
            foreach (var (name, estimate) in mode.Metrics) json.WriteNumber(name, estimate.Queries);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("tests");
        foreach (var test in evaluation.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("mode", ModeName(test.Mode));
            json.WriteString("baseline", ModeName(test.Baseline));
            json.WriteString("metric", test.Metric);
            Number(json, "mean_difference", test.MeanDifference);
            Number(json, "p_value", test.PValue);
            json.WriteNumber("queries", test.Queries);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("counts");
        json.WriteNumber("queries", evaluation.Queries.Count);
        json.WriteNumber("queries_without_exact", evaluation.QueriesWithoutExact);
        json.WriteNumber("judged_products", evaluation.JudgedProducts);
        NullableNumber(json, "judged_products_not_in_index", evaluation.JudgedProductsNotInIndex);
        NullableNumber(json, "queries_with_products_not_in_index", evaluation.QueriesWithProductsNotInIndex);
        if (run is not null) json.WriteNumber("skipped_rows", run.SkippedRows.Count);
        json.WriteEndObject();

        var options = evaluation.Options;
        json.WriteStartObject("settings");
        json.WriteNumber("k", options.K);
        json.WriteNumber("depth", options.Depth);
        json.WriteNumber("bootstrap_resamples", options.BootstrapResamples);
        json.WriteNumber("randomization_draws", options.RandomizationDraws);
        json.WriteNumber("seed", options.Seed);
        json.WriteString("gains", "E 1, S 0.1, C 0.01, I 0; unjudged 0");
        json.WriteString("recall", "Exact products; queries without one are left out");
        json.WriteEndObject();

        if (run is not null)
        {
            json.WriteStartObject("run");
            json.WriteString("examples", run.Examples);
            json.WriteString("filter", run.Filter.ToString());
            json.WriteString("variant", run.Variant.ToString().ToLowerInvariant());
            json.WriteString("index", run.Index);
            if (run.Catalog is not null) json.WriteString("catalog", run.Catalog);
            json.WriteString("model", run.Model);
            json.WriteNumber("products", run.Products);
            json.WriteString("date", run.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The lower-case name used in JSON, CSV headers and file names (<c>bm25</c>, <c>dense</c>, <c>hybrid</c>, <c>ranked-hybrid</c>).</summary>
    public static string ModeName(SearchMode mode) => mode.Name();

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, Digits));
        else json.WriteNull(name);
    }

    private static void NullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
