using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>Nested cross-validation on synthetic score tables whose right answer is known.</summary>
public sealed class NestedCrossValidationTests
{
    private static double[][] Table(int candidates, int queries, int seed, Func<int, int, double, double> score)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, candidates).Select(c => Enumerable.Range(0, queries).Select(q => score(c, q, random.NextDouble() - 0.5)).ToArray()).ToArray();
    }

    [Fact]
    public void A_candidate_better_beyond_noise_is_chosen_and_its_held_out_figure_is_reported()
    {
        // Candidate 3 is better by 0.2 on every query; the others differ by noise of ±0.01.
        var scores = Table(6, 100, 1, (c, q, noise) => 0.5 + (c == 3 ? 0.2 : 0) + noise * 0.02);
        var result = new NestedCrossValidation().Run(scores, [0, 1, 1, 1, 2, 2]);
        Assert.Equal(3, result.Chosen);
        Assert.Equal(scores[3].Average(), result.Estimate, 2);
        Assert.All(result.FoldMeans, m => Assert.InRange(m, 0.68, 0.72));
        Assert.Equal(25, result.FoldChoices[3]);
    }

    [Fact]
    public void Candidates_equal_up_to_noise_keep_the_simplest()
    {
        // As with ranking profiles: queries differ a lot in difficulty (shared by all candidates), candidates differ by
        // small noise, and by chance one of the others has the highest mean.
        var random = new Random(2);
        var difficulty = Enumerable.Range(0, 100).Select(_ => 0.2 + 0.7 * random.NextDouble()).ToArray();
        var scores = Table(20, 100, 5, (c, q, noise) => difficulty[q] + noise * 0.06);
        var inSampleBest = Enumerable.Range(0, 20).OrderByDescending(c => scores[c].Average()).First();
        Assert.NotEqual(0, inSampleBest);
        var result = new NestedCrossValidation().Run(scores, Enumerable.Range(0, 20).Select(c => c == 0 ? 0 : 1).ToArray());
        Assert.Equal(0, result.Chosen);
        Assert.Equal(25, result.FoldChoices[0]);
    }

    [Fact]
    public void The_held_out_estimate_is_not_the_optimistic_in_sample_best()
    {
        // 200 candidates of pure noise around 0.5: the in-sample best looks good, the nested estimate does not — on
        // average over data sets (any one data set's estimate still moves by about ±0.02).
        var estimates = new List<double>();
        var best = new List<double>();
        for (var seed = 0; seed < 10; seed++)
        {
            var scores = Table(200, 100, seed, (c, q, noise) => 0.5 + noise * 0.4);
            estimates.Add(new NestedCrossValidation { Repeats = 1 }.Run(scores, Enumerable.Repeat(1, 200).ToArray()).Estimate);
            best.Add(scores.Max(s => s.Average()));
        }
        Assert.True(best.Average() > 0.525, $"in-sample best {best.Average():F4}");
        Assert.InRange(estimates.Average(), 0.49, 0.512);
    }

    [Fact]
    public void Too_few_queries_are_refused_naming_the_count()
    {
        var scores = Table(3, 12, 4, (c, q, noise) => noise);
        var error = Assert.Throws<ArgumentException>(() => new NestedCrossValidation().Run(scores, [0, 1, 1]));
        Assert.Contains("got 12", error.Message);
        Assert.Contains("20", error.Message);
    }

    [Fact]
    public void Other_figures_read_through_the_held_out_choices_are_those_of_the_candidate_chosen_without_each_query()
    {
        // Half the queries favour candidate 1 strongly and half candidate 2 slightly, so folds disagree; a second
        // figure equal to the candidate's number shows, per query, which candidate its held-out choice was.
        var scores = Table(3, 60, 7, (c, q, noise) => 0.5 + (c == 1 && q % 2 == 0 ? 0.3 : 0) + (c == 2 ? 0.16 : 0) + noise * 0.02);
        var which = Enumerable.Range(0, 3).Select(c => Enumerable.Repeat((double)c, 60).ToArray()).ToArray();
        var result = new NestedCrossValidation().Run(scores, [0, 1, 1]);

        Assert.Equal(5, result.HeldOutChoices.Count);
        var heldOutWhich = result.HeldOutOf(which);
        for (var q = 0; q < 60; q++)
            Assert.Equal(result.HeldOutChoices.Average(choices => (double)choices[q]), heldOutWhich[q], 12);
        // The held-out score itself is the same reading of the score table.
        Assert.Equal(result.HeldOut, result.HeldOutOf(scores), (a, b) => Math.Abs(a - b) < 1e-12);
        // Undefined figures stay undefined for their query and do not spread to others.
        var withGap = which.Select(row => row.Select((v, q) => q == 5 ? double.NaN : v).ToArray()).ToArray();
        var read = result.HeldOutOf(withGap);
        Assert.True(double.IsNaN(read[5]));
        Assert.Equal(59, read.Count(v => !double.IsNaN(v)));
    }
}
