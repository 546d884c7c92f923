using ScottPlot;

namespace ProductSearch.Evaluation;

/// <summary>
/// The report's PNG plots, drawn with ScottPlot: mean Recall@k curves per mode, and one mode's per-query nDCG
/// difference against another as bars sorted from its largest gain to its largest loss.
/// </summary>
public static class RetrievalPlots
{
    private const int Width = 960;
    private const int Height = 540;
    // A sans-serif face reads better at small sizes; ScottPlot falls back to what the system has.
    private const string FontName = "DejaVu Sans";

    /// <summary>
    /// The pairs to draw differences for: the hybrid mode against each single retriever, and the ranked hybrid against
    /// the hybrid it reorders; or else every later mode against each earlier one.
    /// </summary>
    public static IEnumerable<(SearchMode Mode, SearchMode Baseline)> DifferencePairs(RetrievalEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var modes = evaluation.Options.Modes;
        if (modes.Contains(SearchMode.Hybrid))
            return modes.Where(m => !m.IsHybrid()).Select(m => (SearchMode.Hybrid, m))
                .Concat(modes.Contains(SearchMode.RankedHybrid) ? [(SearchMode.RankedHybrid, SearchMode.Hybrid)] : [])
                .ToArray();
        return Enumerable.Range(1, Math.Max(modes.Count - 1, 0))
            .SelectMany(later => Enumerable.Range(0, later).Select(earlier => (modes[later], modes[earlier]))).ToArray();
    }

    /// <summary>The file name of a difference plot, e.g. <c>ndcg-diff-hybrid-vs-bm25.png</c>.</summary>
    public static string DifferenceFileName(SearchMode mode, SearchMode baseline) =>
        $"ndcg-diff-{RetrievalEvaluationJson.ModeName(mode)}-vs-{RetrievalEvaluationJson.ModeName(baseline)}.png";

    /// <summary>The file name of the recall curve plot.</summary>
    public const string RecallFileName = "recall-at-k.png";

    /// <summary>Draws mean Recall@k of Exact products, k = 1 … depth, one line per mode.</summary>
    public static void WriteRecallCurves(RetrievalEvaluation evaluation, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plot = NewPlot();
        foreach (var mode in evaluation.Modes)
        {
            var ks = Enumerable.Range(1, mode.RecallCurve.Count).Select(k => (double)k).ToArray();
            var line = plot.Add.ScatterLine(ks, mode.RecallCurve.ToArray());
            line.LegendText = RetrievalEvaluationJson.ModeName(mode.Mode);
            line.LineWidth = 2;
        }
        var scored = evaluation.Queries.Count - evaluation.QueriesWithoutExact;
        plot.Title($"Recall@k of Exact products (mean over {scored} queries)");
        plot.XLabel("k (results looked at)");
        plot.YLabel("mean recall");
        plot.Axes.SetLimits(0, evaluation.Options.Depth, 0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Draws per-query nDCG@k of <paramref name="mode"/> minus <paramref name="baseline"/>, sorted, gains green and losses red.</summary>
    public static void WriteNdcgDifferences(RetrievalEvaluation evaluation, SearchMode mode, SearchMode baseline, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var ndcg = new RetrievalMetric(RetrievalMetricKind.Ndcg, evaluation.Options.K);
        var metric = ndcg.Name;
        var differences = evaluation.Queries
            .Select(q => q.Values[mode][metric] - q.Values[baseline][metric])
            .OfType<double>().OrderDescending().ToArray();
        var plot = NewPlot();
        var bars = differences.Select((d, i) => new Bar
        {
            Position = i + 1,
            Value = d,
            FillColor = d >= 0 ? Colors.SeaGreen : Colors.IndianRed,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        var test = evaluation.Comparisons.FirstOrDefault(c => c.Mode == mode && c.Baseline == baseline && c.Metric == metric);
        var (name, other) = (RetrievalEvaluationJson.ModeName(mode), RetrievalEvaluationJson.ModeName(baseline));
        var better = differences.Count(d => d > 0);
        var worse = differences.Count(d => d < 0);
        plot.Title($"{ndcg.DisplayName} per query: {name} − {other} " +
                   (test is null ? "" : $"(mean {test.MeanDifference:+0.000;-0.000;0.000}, p = {test.PValue:0.0000}; ") +
                   $"{better} better, {worse} worse, {differences.Length - better - worse} equal)");
        plot.XLabel("queries, sorted by difference");
        plot.YLabel($"{ndcg.DisplayName} difference");
        plot.Axes.SetLimitsX(0, differences.Length + 1);
        plot.SavePng(path, Width, Height);
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        return plot;
    }
}
