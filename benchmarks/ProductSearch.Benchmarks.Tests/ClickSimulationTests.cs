using ProductSearch.Behavior;
using ProductSearch.Benchmarks.Clicks;
using ProductSearch.Benchmarks.Scale;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Tests;

/// <summary>
/// The click simulation end to end on a small synthetic catalog (the full ESCI run is <c>click-simulation</c>):
/// shoppers search a real index, their UBI log goes through the click model, and the judgments are scored against
/// the truth they clicked by.
/// </summary>
public sealed class ClickSimulationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "productsearch-click-sim-tests", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Judgments_from_simulated_clicks_find_the_truth_that_raw_click_rates_miss()
    {
        var synthetic = new SyntheticEmbedder();
        var index = Path.Combine(_root, "index");
        using (var writer = IndexWriter.Open(index, synthetic, synthetic.ModelName, new IndexWriterOptions { Rebuild = true }))
            writer.Write(SyntheticCatalog.Products(400), new CatalogReadReport { Path = "synthetic-400" }, SyncMode.Mirror);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu, RefreshInterval = TimeSpan.Zero }, synthetic);
        ShopperSimulator.Ranker ranker = async (query, mode, _, count, ct) =>
            (await engine.SearchAsync(new SearchRequest { Query = query, Mode = mode, K = count }, ct)).Hits.Select(h => h.Product.Id).ToArray();

        // Labels drawn at random for each query's candidates, independent of their rank: where the engine shows a
        // product says nothing about it, so only clicks corrected for position can tell the Exact ones.
        var random = new Random(11);
        var truth = new List<QueryJudgments>();
        foreach (var query in SyntheticCatalog.Queries(12))
        {
            var candidates = await ranker(query, SearchMode.Hybrid, 0, 30, CancellationToken.None);
            var labels = candidates.Concat(await ranker(query, SearchMode.Bm25, 0, 10, CancellationToken.None)).Concat(await ranker(query, SearchMode.Dense, 0, 10, CancellationToken.None))
                .Distinct().ToDictionary(id => id, _ => (EsciLabel)random.Next(4));
            truth.Add(new QueryJudgments($"q{truth.Count}", query, labels));
        }

        var folder = Path.Combine(_root, "ubi");
        ShopperSimulator.Outcome outcome;
        await using (var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = folder }))
            outcome = await new ShopperSimulator(new ShopperModel { SessionsPerQuery = 200, Seed = 7 }).RunAsync(truth, ranker, log);
        Assert.Equal(2400, outcome.Sessions);

        var result = await ClickJudgments.FromLogsAsync([folder], new ClickModelOptions());
        Assert.Equal((2400L, 0L, 0L), (result.Report.Searches, result.Report.MalformedLineCount, result.Report.EventsWithUnknownQueryId));
        Assert.Equal(12, result.Report.JudgedQueries);
        var agreement = JudgmentAgreement.Measure(result.Judgments, truth, outcome.MeanPositions);
        Assert.True(agreement.KendallGain > agreement.KendallCtr + 0.1, $"τ-b gain {agreement.KendallGain:F3} vs raw CTR {agreement.KendallCtr:F3}");
        Assert.True(agreement.NdcgByGain > agreement.NdcgByCtr, $"nDCG by gain {agreement.NdcgByGain:F3} vs raw CTR {agreement.NdcgByCtr:F3}");
        Assert.True(agreement.KendallGain > 0.4, $"τ-b gain {agreement.KendallGain:F3}");
        Assert.InRange(agreement.NdcgByPosition, 0, agreement.NdcgByGain);
    }

    [Fact]
    public void Kendall_tau_b_counts_ties_as_the_definition_says()
    {
        Assert.Equal(1.0, JudgmentAgreement.Kendall([1, 2, 3], [10, 20, 30]));
        Assert.Equal(-1.0, JudgmentAgreement.Kendall([1, 2, 3], [3, 2, 1]));
        // Pairs: (1,2) concordant, (1,3) concordant, (2,3) tied in y only: (2 - 0) / sqrt(3 · 2).
        Assert.Equal(2 / Math.Sqrt(6), JudgmentAgreement.Kendall([1, 2, 3], [0, 1, 1])!.Value, 12);
        Assert.Null(JudgmentAgreement.Kendall([1, 2, 3], [5, 5, 5]));
    }

    [Fact]
    public void A_shopper_s_attractiveness_is_the_label_s_scaled_by_a_stable_factor_at_most_1()
    {
        var judged = new QueryJudgments("q", "lamp", new Dictionary<string, EsciLabel> { ["E1"] = EsciLabel.Exact, ["I1"] = EsciLabel.Irrelevant });
        var plain = new ShopperSimulator(new ShopperModel { AttractivenessNoise = 0 });
        Assert.Equal((0.7, 0.05, 0.05), (plain.Attractiveness(judged, "E1"), plain.Attractiveness(judged, "I1"), plain.Attractiveness(judged, "unjudged")));
        var noisy = new ShopperSimulator(new ShopperModel { AttractivenessNoise = 0.3 });
        Assert.Equal(noisy.Attractiveness(judged, "E1"), noisy.Attractiveness(judged, "E1"));
        Assert.NotEqual(0.7, noisy.Attractiveness(judged, "E1"));
        Assert.InRange(noisy.Attractiveness(judged, "E1"), 0.01, 1);
        Assert.Equal(ShopperModel.ParseModes("hybrid=0.5,keyword=0.25,semantic=0.25"), [(SearchMode.Hybrid, 0.5), (SearchMode.Bm25, 0.25), (SearchMode.Dense, 0.25)]);
        Assert.Throws<ArgumentException>(() => ShopperModel.ParseModes("fuzzy=1"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
