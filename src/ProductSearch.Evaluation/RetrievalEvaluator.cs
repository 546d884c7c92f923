namespace ProductSearch.Evaluation;

/// <summary>
/// Runs every judged query through each search mode and scores the rankings: per-query nDCG with ESCI gains,
/// Recall@k of Exact products and MRR, their means with 95 % bootstrap intervals (queries resampled), and
/// paired sign-flip tests between modes. Queries without an Exact product are left out of recall only.
/// </summary>
public sealed class RetrievalEvaluator
{
    private readonly RetrievalEvaluationOptions _options;

    /// <summary>Creates an evaluator.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public RetrievalEvaluator(RetrievalEvaluationOptions? options = null)
    {
        _options = options ?? new RetrievalEvaluationOptions();
        _options.Validate();
    }

    /// <summary>Evaluates <paramref name="search"/> on <paramref name="queries"/>.</summary>
    /// <param name="queries">The judged queries.</param>
    /// <param name="search">The system under test.</param>
    /// <param name="indexedProductIds">The product ids the index holds, to count judged products it lacks; <c>null</c> skips the check.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<RetrievalEvaluation> EvaluateAsync(IReadOnlyList<QueryJudgments> queries, RankedSearch search,
        IReadOnlySet<string>? indexedProductIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(search);
        if (queries.Count == 0) throw new ArgumentException("No judged queries to evaluate.", nameof(queries));
        var metrics = _options.Metrics;
        var depth = _options.Depth;

        var outcomes = new List<QueryOutcome>(queries.Count);
        var curves = _options.Modes.ToDictionary(m => m, _ => new double[depth]);
        foreach (var judgments in queries)
        {
            var values = new Dictionary<SearchMode, IReadOnlyDictionary<string, double?>>();
            foreach (var mode in _options.Modes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ranked = await search(judgments.Query, mode, depth, cancellationToken);
                values[mode] = metrics.ToDictionary(m => m.Name, m => m.Compute(ranked, judgments));
                AddRecallCurve(curves[mode], ranked, judgments);
            }
            var missing = indexedProductIds is null ? (int?)null : judgments.Labels.Keys.Count(id => !indexedProductIds.Contains(id));
            outcomes.Add(new QueryOutcome(judgments.QueryId, judgments.Query, judgments.ExactProducts.Count(), missing, values));
        }

        var withExact = outcomes.Count(o => o.ExactProducts > 0);
        var judged = queries.SelectMany(q => q.Labels.Keys).ToHashSet(StringComparer.Ordinal);
        return new RetrievalEvaluation
        {
            Options = _options,
            Modes = _options.Modes.Select(mode => new ModeResult(mode,
                metrics.ToDictionary(m => m.Name, m => Estimate(outcomes, mode, m.Name)),
                curves[mode].Select(sum => withExact > 0 ? sum / withExact : 0).ToArray())).ToArray(),
            Comparisons = Compare(outcomes, metrics),
            Queries = outcomes,
            QueriesWithoutExact = outcomes.Count - withExact,
            JudgedProducts = judged.Count,
            JudgedProductsNotInIndex = indexedProductIds is null ? null : judged.Count(id => !indexedProductIds.Contains(id)),
            QueriesWithProductsNotInIndex = indexedProductIds is null ? null : outcomes.Count(o => o.ProductsNotInIndex > 0),
        };
    }

    /// <summary>Adds this query's Recall@1 … Recall@depth to the running sums (queries without an Exact product add nothing).</summary>
    private static void AddRecallCurve(double[] sums, IReadOnlyList<string> ranked, QueryJudgments judgments)
    {
        var exact = judgments.ExactProducts.ToHashSet(StringComparer.Ordinal);
        if (exact.Count == 0) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = 0;
        for (var k = 1; k <= sums.Length; k++)
        {
            if (k <= ranked.Count && seen.Add(ranked[k - 1]) && exact.Contains(ranked[k - 1])) found++;
            sums[k - 1] += found / (double)exact.Count;
        }
    }

    private MetricEstimate Estimate(IReadOnlyList<QueryOutcome> outcomes, SearchMode mode, string metric)
    {
        var values = outcomes.Select(o => o.Values[mode][metric]).OfType<double>().ToArray();
        if (values.Length == 0) return new MetricEstimate(double.NaN, double.NaN, double.NaN, 0);
        var (low, high) = BootstrapInterval.OfMean(values, _options.BootstrapResamples, _options.Seed)!.Value;
        return new MetricEstimate(values.Average(), low, high, values.Length);
    }

    private PairedComparison[] Compare(IReadOnlyList<QueryOutcome> outcomes, IReadOnlyList<RetrievalMetric> metrics)
    {
        var comparisons = new List<PairedComparison>();
        var modes = _options.Modes;
        for (var later = 1; later < modes.Count; later++)
        for (var earlier = 0; earlier < later; earlier++)
        foreach (var metric in metrics)
        {
            var (mode, baseline) = (modes[later], modes[earlier]);
            var differences = outcomes
                .Where(o => o.Values[mode][metric.Name] is not null && o.Values[baseline][metric.Name] is not null)
                .Select(o => o.Values[mode][metric.Name]!.Value - o.Values[baseline][metric.Name]!.Value).ToArray();
            if (differences.Length == 0) continue;
            comparisons.Add(new PairedComparison(mode, baseline, metric.Name, differences.Average(),
                PairedRandomizationTest.PValue(differences, _options.RandomizationDraws, _options.Seed), differences.Length));
        }
        return comparisons.ToArray();
    }
}
