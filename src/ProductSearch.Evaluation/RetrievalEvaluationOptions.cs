namespace ProductSearch.Evaluation;

/// <summary>Settings of a <see cref="RetrievalEvaluator"/> run.</summary>
public sealed record RetrievalEvaluationOptions
{
    /// <summary>The modes to compare, in report order; each pair is tested.</summary>
    public IReadOnlyList<SearchMode> Modes { get; init; } = [SearchMode.Bm25, SearchMode.Dense, SearchMode.Hybrid];

    /// <summary>The cutoff of nDCG, MRR and the first recall (1–<see cref="SearchRequest.MaxK"/>).</summary>
    public int K { get; init; } = 10;

    /// <summary>Bootstrap resamples for each confidence interval.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>Random sign-flip draws for each paired test.</summary>
    public int RandomizationDraws { get; init; } = 10_000;

    /// <summary>The seed of the bootstrap and the tests: a fixed seed gives the same intervals and p-values each run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Results fetched per query and mode: enough for the deepest recall cutoff.</summary>
    public int Depth => Math.Max(RetrievalMetric.DeepestRecallCutoff, K);

    /// <summary>The metrics reported.</summary>
    public IReadOnlyList<RetrievalMetric> Metrics => RetrievalMetric.Standard(K);

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Modes.Count == 0) throw new ArgumentException("Give at least one search mode to evaluate.", nameof(Modes));
        if (Modes.Distinct().Count() != Modes.Count) throw new ArgumentException($"A search mode is named twice: {string.Join(", ", Modes)}.", nameof(Modes));
        if (K is <= 0 or > SearchRequest.MaxK) throw new ArgumentOutOfRangeException(nameof(K), K, $"k must be between 1 and {SearchRequest.MaxK}.");
        if (BootstrapResamples <= 0) throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), BootstrapResamples, "Bootstrap resamples must be positive.");
        if (RandomizationDraws <= 0) throw new ArgumentOutOfRangeException(nameof(RandomizationDraws), RandomizationDraws, "Randomisation draws must be positive.");
    }
}
