using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>
/// Nested cross-validation of the learned ranker on synthetic data where the right answer is known: a feature that
/// gives the label away must be learned and reported as a gain; noise must be reported as noise and not switched on.
/// </summary>
public sealed class RankerTrainerTests
{
    // 3 outer × 2 inner folds over two settings: 20 small models a run, enough to exercise every step.
    private static readonly RankerTrainer Trainer = new() { Folds = 3, InnerFolds = 2, Grid = SyntheticRankerData.QuickGrid, Draws = 2_000 };

    [Fact]
    public void A_feature_that_predicts_the_label_is_learned_and_its_gain_reported_then_stored_and_loaded()
    {
        var data = SyntheticRankerData.Create(queries: 30, candidates: 20, featurePredicts: true);

        var result = Trainer.Train(data, source: "synthetic");

        var estimate = result.Estimate;
        Assert.Equal(30, estimate.Queries);
        Assert.Equal(3, result.Folds.Count);
        Assert.Equal(3, estimate.FoldDifferences.Count);
        Assert.All(result.Folds, f => Assert.Equal(10, f.Queries));
        Assert.True(estimate.FusedNdcg < 0.8, $"the shuffled fused order should be poor, got {estimate.FusedNdcg:F3}");
        Assert.True(estimate.RankedNdcg > 0.97, $"the model should rank the Exact products first, got {estimate.RankedNdcg:F3}");
        Assert.True(estimate.DifferenceLow > 0);
        Assert.True(estimate.PValue < 0.01);
        Assert.True(estimate.IsBeyondNoise);
        Assert.True(result.Ranker.Enabled);
        Assert.Equal(RankerFeatures.Names, result.Ranker.Features);
        Assert.Null(result.Ranker.Incompatibility);

        using var temp = new TempFolder();
        RankerStore.Write(temp.Path, result.Ranker);
        var read = RankerStore.Read(temp.Path)!;
        Assert.Equal(result.Ranker.Model, read.Model);
        Assert.Equal(estimate, read.Estimate with { FoldDifferences = estimate.FoldDifferences });
        Assert.Equal(estimate.FoldDifferences, read.Estimate.FoldDifferences);
        Assert.Equal("synthetic-5", read.TrainingFingerprint);
        using var model = RankerModel.Load(read.Model, read.Features.Count);
        var (exact, other) = (new float[RankerFeatures.Names.Count], new float[RankerFeatures.Names.Count]);
        exact[SyntheticRankerData.Telling] = 1f;
        other[SyntheticRankerData.Telling] = 0.3f;
        var scores = model.Score([exact, other]);
        Assert.True(scores[0] > scores[1]);
        var contributions = model.Contributions(exact);
        Assert.Equal(RankerFeatures.Names.Count, contributions.Length);
        Assert.Equal(SyntheticRankerData.Telling, Array.IndexOf(contributions, contributions.MaxBy(Math.Abs)));
    }

    [Fact]
    public void Noise_is_reported_as_within_noise_and_not_enabled_unless_forced()
    {
        var data = SyntheticRankerData.Create(queries: 24, candidates: 12, featurePredicts: false, seed: 9);

        // One setting: nothing for inner folds to choose, so each run trains four models (3 folds and the stored one).
        var trainer = new RankerTrainer { Folds = 3, Grid = [SyntheticRankerData.QuickGrid[0]], Draws = 2_000 };
        var result = trainer.Train(data);
        var forced = trainer.Train(data, force: true);

        Assert.False(result.Estimate.IsBeyondNoise, $"noise gave {result.Estimate.Difference:+0.000;-0.000} (p {result.Estimate.PValue:F3})");
        Assert.False(result.Ranker.Enabled);
        Assert.True(forced.Ranker.Enabled);
        Assert.Equal(result.Estimate, forced.Estimate with { FoldDifferences = result.Estimate.FoldDifferences });
    }

    [Fact]
    public void Fewer_than_twenty_judged_queries_is_an_error_naming_the_count()
    {
        var data = SyntheticRankerData.Create(queries: 19, candidates: 5, featurePredicts: true);

        var error = Assert.Throws<RankerTrainingException>(() => Trainer.Train(data));

        Assert.Contains("got 19", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProductSearchErrorReason.InvalidInput, error.Reason);
    }
}
