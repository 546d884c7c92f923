using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>
/// Trains the learned second stage (LambdaMART over <see cref="RankerFeatures"/>) and estimates, honestly, what it
/// adds: query-grouped nested cross-validation — each outer fold's model is trained on the other queries, with its
/// settings chosen by inner folds over those queries only, and scored on the held-out ones against the fused order
/// of the same candidates — reported with each fold's difference, a 95 % bootstrap interval and a paired sign-flip
/// test. The stored model is then trained on every query, with settings chosen by cross-validation on all of them; it
/// is enabled only when the estimated gain is beyond noise (<see cref="RankerEstimate.IsBeyondNoise"/>) or when forced.
/// Every order is made by <see cref="LearnedOrder"/> from the scores of a <see cref="RankerModel"/>, as in search.
/// </summary>
public sealed class RankerTrainer
{
    /// <summary>Fewest judged queries a ranker is trained on: fewer leave the folds too small to choose or estimate anything.</summary>
    public const int MinimumQueries = 20;

    /// <summary>The cutoff of the nDCG that chooses and estimates.</summary>
    public const int K = 10;

    /// <summary>Outer folds (estimate).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Inner folds (choose the settings).</summary>
    public int InnerFolds { get; init; } = 3;

    /// <summary>Fold assignments run; the per-query estimate is their mean (one assignment of ~100 queries moves by about ±0.01).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Seed of the fold assignments and of the learner.</summary>
    public int Seed { get; init; } = 20251;

    /// <summary>The settings the inner folds choose among, simplest first.</summary>
    public IReadOnlyList<LambdaMartSettings> Grid { get; init; } = LambdaMartSettings.DefaultGrid;

    /// <summary>Random sign-flip draws of the paired test, and bootstrap resamples of the interval.</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Trains on <paramref name="data"/>; <paramref name="force"/> enables the ranker whatever the estimate says.</summary>
    /// <param name="data">The training data (<see cref="RankerTrainingData.Collect"/>).</param>
    /// <param name="force">Enable the ranker even when its gain is within noise.</param>
    /// <param name="source">Where the data came from, recorded in the ranker.</param>
    /// <param name="progress">Receives a line per finished outer fold.</param>
    /// <param name="cancellationToken">Cancels between models.</param>
    /// <exception cref="RankerTrainingException">Fewer than <see cref="MinimumQueries"/> judged queries (or fewer than the folds need).</exception>
    public RankerTrainingResult Train(RankerTrainingSet data, bool force = false, string? source = null, IProgress<RankerFold>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureEnough(data.Queries.Count);
        var queries = data.Queries;
        var fused = queries.Select(q => RankingMetrics.NdcgAt(K, q.FusedOrder, q.Judgments)).ToArray();
        var ranked = new double[queries.Count];
        var folds = new List<RankerFold>();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var fold = QueryFolds.Assign(queries.Count, Folds, Seed + repeat);
            for (var f = 0; f < Folds; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var train = QueryFolds.Select(queries, fold, f, inFold: false);
                var held = Enumerable.Range(0, queries.Count).Where(i => fold[i] == f).ToArray();
                var chosen = Choose(train, data.NegationDemotion, Seed + 1000 * (repeat + 1) + f, cancellationToken);
                var scores = Score(LambdaMart.Train(train, chosen, Seed), held.Select(i => queries[i]).ToArray(), data.NegationDemotion);
                for (var j = 0; j < held.Length; j++) ranked[held[j]] += scores[j] / Repeats;
                var result = new RankerFold(repeat, f, held.Length, chosen, held.Average(i => fused[i]), scores.Average());
                folds.Add(result);
                progress?.Report(result);
            }
        }

        var final = Choose(queries, data.NegationDemotion, Seed, cancellationToken);
        var estimate = Estimate(fused, ranked, folds);
        var ranker = new StoredRanker
        {
            FeatureSet = RankerFeatures.Version,
            Features = RankerFeatures.Names,
            Depth = data.Depth,
            Enabled = force || estimate.IsBeyondNoise,
            TrainedAt = DateTimeOffset.UtcNow,
            TrainingFingerprint = data.Fingerprint,
            Source = source,
            Settings = final.ToString(),
            Estimate = estimate,
            Model = LambdaMart.Train(queries, final, Seed),
        };
        return new RankerTrainingResult(ranker, folds, final, fused, ranked);
    }

    /// <summary>Checks the settings, and that <paramref name="queries"/> judged queries are enough for the folds.</summary>
    /// <exception cref="RankerTrainingException">Too few queries; the message names the count.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void EnsureEnough(int queries)
    {
        if (Folds < 2 || InnerFolds < 2) throw new ArgumentOutOfRangeException(nameof(Folds), "Nested cross-validation needs at least 2 outer and 2 inner folds.");
        if (Repeats < 1) throw new ArgumentOutOfRangeException(nameof(Repeats), Repeats, "Run at least one fold assignment.");
        if (Grid.Count == 0) throw new ArgumentException("Give at least one setting to train with.", nameof(Grid));
        var needed = Math.Max(MinimumQueries, Folds * InnerFolds);
        if (queries < needed)
            throw new RankerTrainingException($"Training a ranker needs at least {needed} judged queries ({Folds} outer × {InnerFolds} inner folds, and never fewer than {MinimumQueries}); got {queries}.");
    }

    /// <summary>The settings with the best mean held-out nDCG@10 over inner folds of <paramref name="queries"/> (ties: the simpler).</summary>
    private LambdaMartSettings Choose(IReadOnlyList<RankerTrainingQuery> queries, double negationDemotion, int seed, CancellationToken cancellationToken)
    {
        if (Grid.Count == 1) return Grid[0];
        var fold = QueryFolds.Assign(queries.Count, InnerFolds, seed);
        var means = Grid.Select(settings =>
        {
            var sum = 0.0;
            for (var f = 0; f < InnerFolds; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = LambdaMart.Train(QueryFolds.Select(queries, fold, f, inFold: false), settings, Seed);
                sum += Score(model, QueryFolds.Select(queries, fold, f, inFold: true), negationDemotion).Sum();
            }
            return sum / queries.Count;
        }).ToArray();
        return Grid[Array.IndexOf(means, means.Max())];
    }

    /// <summary>Per query, nDCG@10 of the order the model and <see cref="LearnedOrder"/> give its candidates.</summary>
    private static double[] Score(byte[] modelBytes, IReadOnlyList<RankerTrainingQuery> queries, double negationDemotion)
    {
        using var model = RankerModel.Load(modelBytes, RankerFeatures.Names.Count);
        return queries.Select(q =>
        {
            if (q.Candidates.Count == 0) return RankingMetrics.NdcgAt(K, [], q.Judgments);
            var scores = model.Score(q.Candidates.Select(c => c.Features as float[] ?? c.Features.ToArray()).ToArray());
            var order = LearnedOrder.Rank(scores, q.Candidates.Select(c => c.AffirmsNegation).ToArray(), negationDemotion);
            return RankingMetrics.NdcgAt(K, order.Select(o => q.Candidates[o.Index].ProductId).ToArray(), q.Judgments);
        }).ToArray();
    }

    private RankerEstimate Estimate(double[] fused, double[] ranked, IReadOnlyList<RankerFold> folds)
    {
        var differences = ranked.Select((r, i) => r - fused[i]).ToArray();
        var (low, high) = BootstrapInterval.OfMean(differences, Draws, Seed)!.Value;
        return new RankerEstimate
        {
            Queries = fused.Length,
            Folds = Folds,
            Repeats = Repeats,
            FusedNdcg = fused.Average(),
            RankedNdcg = ranked.Average(),
            DifferenceLow = low,
            DifferenceHigh = high,
            PValue = PairedRandomizationTest.PValue(differences, Draws, Seed),
            FoldDifferences = folds.Select(f => f.RankedNdcg - f.FusedNdcg).ToArray(),
        };
    }
}
