using System.Globalization;
using System.Text;

namespace ProductSearch.Evaluation;

/// <summary>
/// Writes an evaluation report into a folder: <c>report.md</c> (settings, the results table with intervals, the
/// paired tests, counts, and links to the plots), <c>per-query.csv</c>, <c>summary.json</c> and the PNG plots of
/// <see cref="RetrievalPlots"/>. Files of an earlier report in the folder are replaced.
/// </summary>
public static class RetrievalReportWriter
{
    /// <summary>The Markdown file's name.</summary>
    public const string ReportFileName = "report.md";

    /// <summary>The per-query CSV's name.</summary>
    public const string PerQueryFileName = "per-query.csv";

    /// <summary>The JSON summary's name.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Writes the report for <paramref name="evaluation"/> into <paramref name="folder"/> (created if needed).</summary>
    /// <returns>The paths of the files written, the report first.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(RetrievalEvaluation evaluation, RetrievalRunInfo run, string folder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(folder);
        var written = new List<string> { Path.Combine(folder, ReportFileName) };

        var csv = Path.Combine(folder, PerQueryFileName);
        await PerQueryCsv.WriteAsync(evaluation, csv, cancellationToken);
        written.Add(csv);

        var summary = Path.Combine(folder, SummaryFileName);
        await using (var stream = File.Create(summary)) RetrievalEvaluationJson.Write(stream, evaluation, run);
        written.Add(summary);

        // ScottPlot renders on the calling thread; keep it off the caller's.
        var plots = await Task.Run(() => WritePlots(evaluation, folder), cancellationToken);
        written.AddRange(plots);

        await File.WriteAllTextAsync(written[0], Markdown(evaluation, run, plots.Select(Path.GetFileName).ToArray()!), cancellationToken);
        return written;
    }

    private static List<string> WritePlots(RetrievalEvaluation evaluation, string folder)
    {
        var recall = Path.Combine(folder, RetrievalPlots.RecallFileName);
        RetrievalPlots.WriteRecallCurves(evaluation, recall);
        var plots = new List<string> { recall };
        foreach (var (mode, baseline) in RetrievalPlots.DifferencePairs(evaluation))
        {
            var path = Path.Combine(folder, RetrievalPlots.DifferenceFileName(mode, baseline));
            RetrievalPlots.WriteNdcgDifferences(evaluation, mode, baseline, path);
            plots.Add(path);
        }
        return plots;
    }

    /// <summary>The Markdown text of the report; <paramref name="plotFiles"/> are linked by file name.</summary>
    public static string Markdown(RetrievalEvaluation evaluation, RetrievalRunInfo run, IReadOnlyList<string> plotFiles)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(run);
        var options = evaluation.Options;
        var metrics = options.Metrics;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Retrieval evaluation");
        Line();
        Line($"- Date: {run.Date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Line($"- Examples: `{run.Examples}` ({run.Filter}): {evaluation.Queries.Count} queries, {evaluation.JudgedProducts:N0} judged products" +
             (run.SkippedRows.Count > 0 ? $"; {run.SkippedRows.Count} {run.SkippedRowUnit}s skipped ({Skipped(run)})" : ""));
        Line($"- Index: {run.Index}" + (run.Catalog is null ? "" : $" (built from `{run.Catalog}`)") + $": {run.Products:N0} products, model {run.Model}");
        Line($"- Modes: {string.Join(", ", options.Modes.Select(RetrievalEvaluationJson.ModeName))}; {options.Depth} results per query and mode");
        Line("- nDCG uses the ESCI gains E 1, S 0.1, C 0.01, I 0; products not judged for the query count 0; the ideal ranking is " +
             "the query's judged products sorted by gain.");
        Line($"- Recall@k and MRR count Exact products. {QueriesWithoutExact(evaluation)}");
        Line($"- {NotInIndex(evaluation)}");
        Line($"- Intervals: 95 % percentile bootstrap over queries ({options.BootstrapResamples:N0} resamples, seed {options.Seed}). " +
             $"Tests: paired two-sided sign-flip randomisation over queries ({options.RandomizationDraws:N0} draws, seed {options.Seed}).");
        Line();

        Line("## Results");
        Line();
        Line("| mode | " + string.Join(" | ", metrics.Select(m => m.DisplayName)) + " |");
        Line("|---|" + string.Concat(metrics.Select(_ => "---|")));
        foreach (var mode in evaluation.Modes)
        {
            Line($"| {RetrievalEvaluationJson.ModeName(mode.Mode)} | " + string.Join(" | ", metrics.Select(m => mode.Metrics[m.Name] is var e && e.Queries > 0
                ? $"{F(e.Mean)} [{F(e.Low)}, {F(e.High)}]" : "—")) + " |");
        }
        Line();

        if (evaluation.Comparisons.Count > 0)
        {
            Line("## Paired tests (mode − baseline)");
            Line();
            Line("| mode − baseline | metric | mean difference | p-value | queries |");
            Line("|---|---|---|---|---|");
            foreach (var test in evaluation.Comparisons)
                Line($"| {RetrievalEvaluationJson.ModeName(test.Mode)} − {RetrievalEvaluationJson.ModeName(test.Baseline)} | {RetrievalMetric.DisplayNameOf(test.Metric)} | " +
                     $"{test.MeanDifference.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture)} | {test.PValue.ToString("0.0000", CultureInfo.InvariantCulture)} | {test.Queries} |");
            Line();
        }

        Line("## Plots");
        Line();
        foreach (var file in plotFiles) Line($"![{PlotCaption(file)}]({file})");
        Line();
        Line("## Files");
        Line();
        Line($"- [{PerQueryFileName}]({PerQueryFileName}): every metric of every mode for each query (empty where recall is undefined).");
        Line($"- [{SummaryFileName}]({SummaryFileName}): the numbers above as JSON (what `productsearch eval retrieval --json` prints).");
        return text.ToString();
    }

    private static string QueriesWithoutExact(RetrievalEvaluation evaluation) => evaluation.QueriesWithoutExact == 0
        ? "Every query has at least one Exact product."
        : $"{evaluation.QueriesWithoutExact} of {evaluation.Queries.Count} queries have no Exact product: they are left out of recall " +
          "(and of the recall curve) and count 0 in MRR.";

    private static string NotInIndex(RetrievalEvaluation evaluation) => evaluation.JudgedProductsNotInIndex switch
    {
        null => "Judged products were not checked against the index.",
        0 => "Every judged product is in the index.",
        var n => $"{n:N0} of {evaluation.JudgedProducts:N0} judged products are not in the index ({evaluation.QueriesWithProductsNotInIndex} queries " +
                 "affected): they still count in the ideal DCG and the recall denominators, so those queries cannot reach 1.",
    };

    private static string Skipped(RetrievalRunInfo run) =>
        string.Join("; ", run.SkippedRows.Take(10).Select(s => $"{s.Line}: {s.Reason}")) + (run.SkippedRows.Count > 10 ? "; …" : "");

    private static string PlotCaption(string file) => file == RetrievalPlots.RecallFileName
        ? "Mean Recall@k of Exact products per mode"
        : "Per-query nDCG differences " + Path.GetFileNameWithoutExtension(file).Replace("ndcg-diff-", "", StringComparison.Ordinal).Replace("-vs-", " vs ", StringComparison.Ordinal);

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
