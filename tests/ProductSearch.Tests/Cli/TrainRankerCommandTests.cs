using System.Text.Json;
using ProductSearch.Cli;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// <c>productsearch train-ranker</c> from the command line, on the small catalog with made-up judgments: it reports the
/// nested cross-validation and stores the ranker (enabled only beyond noise, or with --force); info, search --explain
/// and eval retrieval then show it; a ranker of another feature set is refused with the way out; too few queries exit 2.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class TrainRankerCommandTests
{
    private static Task<(int Result, string Output)> Run(params string[] args) => ConsoleCapture.RunAsync(() => CliApp.RunAsync(args));

    private static string WriteExamples(string path, int queries, int notIndexed = 0) => SmallCatalogJudgments.Write(path, queries, notIndexed);

    [Fact]
    public async Task Trains_reports_stores_and_the_other_commands_use_or_refuse_the_ranker()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(SmallCatalog.Write(temp.File("catalog.jsonl")), index);
        var examples = WriteExamples(temp.File("examples.tsv"), 22);

        var (code, output) = await Run("train-ranker", "--examples", examples, "--index", index, "--folds", "2", "--device", "cpu");

        Assert.Equal(0, code);
        Assert.Contains("Training data: 22 judged queries", output, StringComparison.Ordinal);
        Assert.Contains("All 20 judged products are in the index.", output, StringComparison.Ordinal);
        Assert.Contains("Cross-validated held-out nDCG@10: fused", output, StringComparison.Ordinal);
        Assert.Contains("fold differences", output, StringComparison.Ordinal);
        var stored = RankerStore.ReadCompatible(index)!;
        Assert.Equal(22, stored.Estimate.Queries);
        Assert.Equal(2, stored.Estimate.FoldDifferences.Count);
        Assert.Equal(stored.Estimate.IsBeyondNoise, stored.Enabled);
        Assert.Contains(stored.Enabled ? "and enabled" : "NOT enabled", output, StringComparison.Ordinal);

        // A ranker this version cannot use: info refuses it with the way out, ranked-hybrid cannot be evaluated, search goes on.
        RankerStore.Write(index, stored with { FeatureSet = "ranker-features-v0" });
        var info = (await Run("info", "--index", index)).Output;
        Assert.Contains("ranker      REFUSED: it reads the features of 'ranker-features-v0'", info, StringComparison.Ordinal);
        Assert.Contains("retrain it with 'productsearch train-ranker", info, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("eval", "retrieval", "--examples", examples, "--index", index, "--modes", "hybrid,ranked-hybrid", "--device", "cpu")).Result);
        Assert.Equal(0, (await Run("search", "white sneakers", "--index", index, "--device", "cpu")).Result);

        // Retraining replaces it; --force enables it whatever the estimate, and the other commands then use it.
        (code, output) = await Run("train-ranker", "--examples", examples, "--index", index, "--folds", "2", "--force", "--device", "cpu");
        Assert.Equal(0, code);
        Assert.Contains("cannot be used by this version", output, StringComparison.Ordinal);
        var forced = RankerStore.ReadCompatible(index)!;
        Assert.True(forced.Enabled);
        info = (await Run("info", "--index", index)).Output;
        Assert.Contains("ranker      enabled; LambdaMART", info, StringComparison.Ordinal);
        var search = (await Run("search", "white sneakers", "--index", index, "--explain", "--device", "cpu")).Output;
        Assert.Contains("reordered by the learned ranker", search, StringComparison.Ordinal);
        Assert.Contains("     ranker: ", search, StringComparison.Ordinal);
        var eval = await Run("eval", "retrieval", "--examples", examples, "--index", index, "--json", "--device", "cpu");
        Assert.Equal(0, eval.Result);
        var modes = JsonDocument.Parse(eval.Output).RootElement.GetProperty("modes").EnumerateObject().Select(m => m.Name);
        Assert.Equal(["bm25", "dense", "hybrid", "ranked-hybrid"], modes);
    }

    [Fact]
    public async Task Judged_products_not_in_the_index_are_counted_and_reported()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(SmallCatalog.Write(temp.File("catalog.jsonl")), index);
        var examples = WriteExamples(temp.File("examples.tsv"), 22, notIndexed: 3);

        var (code, output) = await Run("train-ranker", "--examples", examples, "--index", index, "--folds", "2", "--device", "cpu");

        Assert.Equal(0, code);
        Assert.Contains("Training data: 22 judged queries", output, StringComparison.Ordinal);
        Assert.Contains("3 of 23 judged products are not in the index (3 queries affected)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_than_twenty_judged_queries_exit_2_before_any_model_loads()
    {
        using var temp = new TempFolder();
        var examples = WriteExamples(temp.File("examples.tsv"), 5);

        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            // The index does not exist either: the count must be what is reported, since it is checked first.
            Assert.Equal(2, (await Run("train-ranker", "--examples", examples, "--index", temp.File("no-index"))).Result);
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Contains("needs at least 20 judged queries", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("got 5", errors.ToString(), StringComparison.Ordinal);
    }
}
