using ProductSearch.Behavior;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The click model's arithmetic on hand-made logs: exact gains, the position correction against raw click rates, and the options.</summary>
public sealed class ClickJudgmentsTests
{
    private static readonly ClickModelOptions ClickRate = new() { PositionCurve = PositionCurve.ClickRate, PriorStrength = 0 };

    /// <summary>
    /// "a" shows X, Y, Z and "b" shows U, V, W, ten times each; clicks: X 4, Z 3, U 6, V 1. Position click rates:
    /// r1 = (4 + 6) / 20 = 0.5, r2 = 1 / 20 = 0.05, r3 = 3 / 20 = 0.15. Expected clicks: X 10 · 0.5 = 5, Y 0.5, Z 1.5,
    /// U 5, V 0.5, W 1.5.
    /// </summary>
    private static Log TwoQueries(bool impressionEvents = true) => new Log(impressionEvents)
        .Searches("a", ["X", "Y", "Z"], 10, new() { ["X"] = 4, ["Z"] = 3 })
        .Searches("b", ["U", "V", "W"], 10, new() { ["U"] = 6, ["V"] = 1 });

    [Fact]
    public void Clicks_over_expected_clicks_are_exact_and_reorder_what_raw_click_rates_say()
    {
        var result = TwoQueries().Judge(ClickRate);
        Assert.Equal([(1, 20L, 10L), (2, 20L, 1L), (3, 20L, 3L)], result.Report.PositionRates.Select(p => (p.Position, p.Impressions, p.Clicks)));
        Assert.Equal([0.5, 0.05, 0.15], result.Report.PositionRates.Select(p => Math.Round(p.ExpectedClicks, 12)));
        var a = Gains(result, "a");
        Assert.Equal(new Dictionary<string, (double, double)> { ["X"] = (5, 0.8), ["Y"] = (0.5, 0), ["Z"] = (1.5, 2.0) }, a);
        Assert.Equal(new Dictionary<string, (double, double)> { ["U"] = (5, 1.2), ["V"] = (0.5, 2.0), ["W"] = (1.5, 0) }, Gains(result, "b"));
        // Raw click-through rate puts X (4 of 10) above Z (3 of 10); X had the first place, Z the third: Z wins once that is counted.
        var x = result.Judgments.Single(j => j.ProductId == "X");
        var z = result.Judgments.Single(j => j.ProductId == "Z");
        Assert.True(x.ClickThroughRate > z.ClickThroughRate);
        Assert.True(z.Gain > x.Gain);
        Assert.Equal(["Z", "X", "Y"], result.Judgments.Where(j => j.Query == "a").Select(j => j.ProductId));
    }

    [Fact]
    public void The_prior_pulls_thin_evidence_towards_average_and_labels_follow_the_thresholds()
    {
        var result = TwoQueries().Judge(ClickRate with { PriorStrength = 1 });
        // (clicks + 1) / (expected + 1): X 5 / 6, Y 1 / 1.5, Z 4 / 2.5, U 7 / 6, V 2 / 1.5, W 1 / 2.5.
        var expected = new Dictionary<string, double> { ["X"] = 5 / 6.0, ["Y"] = 1 / 1.5, ["Z"] = 4 / 2.5, ["U"] = 7 / 6.0, ["V"] = 2 / 1.5, ["W"] = 1 / 2.5 };
        Assert.All(expected, e => Assert.Equal(e.Value, result.Judgments.Single(j => j.ProductId == e.Key).Gain, 12));
        Assert.Equal("SSECEE", string.Concat(new[] { "X", "Y", "Z", "W", "U", "V" }.Select(p => ClickJudgmentsWriter.LabelLetter(result.Judgments.Single(j => j.ProductId == p).Label))));
    }

    [Fact]
    public void A_log_without_impression_events_counts_every_returned_hit_as_seen_and_gives_the_same_gains()
    {
        var withEvents = TwoQueries().Judge(ClickRate);
        var hitsOnly = TwoQueries(impressionEvents: false).Judge(ClickRate);
        Assert.Equal((ImpressionSource.Events, ImpressionSource.Hits), (withEvents.Report.ImpressionSource, hitsOnly.Report.ImpressionSource));
        Assert.Equal(withEvents.Judgments, hitsOnly.Judgments);
        // Told to believe impression events only, a log without any has nothing seen but the clicked results.
        var eventsOnly = TwoQueries(impressionEvents: false).Judge(ClickRate with { Impressions = ImpressionSource.Events, MinImpressions = 1 });
        Assert.Equal(14, eventsOnly.Report.ClicksWithoutImpression);
        Assert.All(eventsOnly.Judgments, j => Assert.Equal(j.Impressions, j.Clicks));
    }

    [Fact]
    public void Pairs_under_the_minimum_impressions_are_left_out_and_counted_with_their_clicks()
    {
        var result = TwoQueries().Searches("c", ["X", "Q"], 3, new() { ["Q"] = 2 }).Judge(ClickRate with { MinImpressions = 10 });
        Assert.DoesNotContain(result.Judgments, j => j.Query == "c");
        Assert.Equal((2L, 2L, 1L, 2L), (result.Report.PairsBelowMinImpressions, result.Report.ClicksInPairsBelowMinImpressions, result.Report.QueriesWithoutJudgments, result.Report.JudgedQueries));
    }

    [Fact]
    public void Searches_are_grouped_by_their_text_whatever_the_case_and_spacing_with_a_stable_id()
    {
        var result = new Log().Searches("Girls  Shoes", ["A"], 5, new() { ["A"] = 1 }).Searches(" girls shoes ", ["A"], 5, new() { ["A"] = 1 })
            .Judge(ClickRate with { MinImpressions = 10 });
        var judgment = Assert.Single(result.Judgments);
        Assert.Equal(("Girls Shoes", 10, 2), (judgment.Query, judgment.Impressions, judgment.Clicks));
        Assert.Equal(ClickJudgments.QueryIdOf("GIRLS shoes"), judgment.QueryId);
        Assert.Matches("^c[0-9a-f]{12}$", judgment.QueryId);
    }

    /// <summary>
    /// A good ranker puts attractive products first, so the first position's click rate holds their attractiveness
    /// too. Four queries show best (α 0.8), middle (0.4) and worst (0.1) 1,000 times in that order and 250 times as
    /// worst, best, middle; a probe shows A (0.5), M (0.2), B (0.3) in that order only. Looking: 1, 0.5, 0.25. Clicks
    /// are the exact expectations. Raw click rates credit B (shown third) over A; the examination curve does not.
    /// </summary>
    [Fact]
    public void The_examination_curve_is_recovered_and_does_not_overshoot_where_position_click_rates_do()
    {
        var gamma = new[] { 1.0, 0.5, 0.25 };
        var log = new Log(impressionEvents: false);
        foreach (var q in new[] { "k1", "k2", "k3", "k4" })
        {
            var alpha = new Dictionary<string, double> { [$"{q}-best"] = 0.8, [$"{q}-mid"] = 0.4, [$"{q}-worst"] = 0.1 };
            foreach (var (ranking, n) in new[] { (new[] { $"{q}-best", $"{q}-mid", $"{q}-worst" }, 1000), (new[] { $"{q}-worst", $"{q}-best", $"{q}-mid" }, 250) })
                log.Searches(q, ranking, n, ranking.Select((p, i) => (p, (int)Math.Round(n * gamma[i] * alpha[p]))).ToDictionary());
        }
        log.Searches("probe", ["A", "M", "B"], 1000, new() { ["A"] = 500, ["M"] = 100, ["B"] = 75 });

        var examination = log.Judge(new ClickModelOptions { PriorStrength = 0 });
        Assert.Equal(gamma, examination.Report.PositionRates.Select(p => p.Examination), new ToleranceComparer(0.02));
        Assert.True(Gain(examination, "A") > Gain(examination, "B"));
        Assert.True(Gain(examination, "k1-best") > Gain(examination, "k1-mid") && Gain(examination, "k1-mid") > Gain(examination, "k1-worst"));
        // The expected clicks still add up to the clicks, so 1 stays "an average result".
        Assert.Equal(examination.Report.Clicks, examination.Judgments.Sum(j => j.ExpectedClicks), 6);

        var clickRate = log.Judge(new ClickModelOptions { PriorStrength = 0, PositionCurve = PositionCurve.ClickRate });
        Assert.True(Gain(clickRate, "B") > Gain(clickRate, "A"));
    }

    [Fact]
    public void A_log_with_no_click_is_an_error_that_says_what_was_read()
    {
        var error = Assert.Throws<InvalidDataException>(() => new Log().Searches("a", ["X"], 3, []).Judge(ClickRate));
        Assert.Contains("no click", error.Message);
        Assert.Contains("3 searches", error.Message);
    }

    [Theory]
    [InlineData(0, 1.0, "MinImpressions")]
    [InlineData(1, -1.0, "PriorStrength")]
    [InlineData(1, double.NaN, "PriorStrength")]
    public void Bad_options_are_refused_naming_the_option(int minImpressions, double prior, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TwoQueries().Judge(new ClickModelOptions { MinImpressions = minImpressions, PriorStrength = prior }));
        Assert.Equal(name, error.ParamName);
        Assert.Equal("ExactThreshold", Assert.Throws<ArgumentException>(() => TwoQueries().Judge(new ClickModelOptions { ExactThreshold = 0.1 })).ParamName);
    }

    private static double Gain(ClickJudgmentsResult result, string product) => result.Judgments.Single(j => j.ProductId == product).Gain;

    private static Dictionary<string, (double Expected, double Gain)> Gains(ClickJudgmentsResult result, string query) =>
        result.Judgments.Where(j => j.Query == query).ToDictionary(j => j.ProductId, j => (Math.Round(j.ExpectedClicks, 12), Math.Round(j.Gain, 12)));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }

    /// <summary>A log built search by search: the first <c>clicks[p]</c> searches of a batch click product p.</summary>
    internal sealed class Log(bool impressionEvents = true)
    {
        private static readonly DateTimeOffset Time = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        public List<UbiQuery> Queries { get; } = [];
        public List<UbiEvent> Events { get; } = [];

        public Log Searches(string text, string[] ranking, int count, Dictionary<string, int> clicks)
        {
            for (var s = 0; s < count; s++)
            {
                var id = $"{text}-{Queries.Count}";
                Queries.Add(new UbiQuery { QueryId = id, UserQuery = text, Timestamp = Time, QueryResponseHitIds = ranking });
                for (var r = 0; r < ranking.Length; r++)
                {
                    if (impressionEvents) Events.Add(UbiEvent.OnObject(UbiActions.Impression, id, ranking[r], r + 1, Time));
                    if (s < clicks.GetValueOrDefault(ranking[r])) Events.Add(UbiEvent.OnObject(UbiActions.Click, id, ranking[r], r + 1, Time));
                }
            }
            return this;
        }

        public ClickJudgmentsResult Judge(ClickModelOptions options) => ClickJudgments.FromRecords(Queries, Events, options);
    }
}
