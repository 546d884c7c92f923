using System.Text.Json;
using ProductSearch.Cli;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// <c>productsearch tune</c> chooses by nested cross-validation: it writes the chosen profile into the index (and the
/// next search uses it), or keeps the built-in default and says so; too few queries are refused.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class TuneCommandTests
{
    [SkippableFact]
    public async Task Tune_writes_a_profile_that_search_then_uses()
    {
        var folder = SharedData.EsciDirectory;
        var lines = File.ReadLines(Path.Combine(folder, "examples.tsv")).ToList();
        var queryIds = lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Take(24).ToHashSet();
        var judged = lines.Skip(1).Where(l => queryIds.Contains(l.Split('\t')[0])).ToList();
        var wanted = judged.Select(l => l.Split('\t')[2]).ToHashSet();

        using var temp = new TempFolder();
        var examples = temp.File("examples.tsv");
        await File.WriteAllLinesAsync(examples, [lines[0], .. judged]);
        var catalog = temp.File("slice.jsonl");
        await File.WriteAllLinesAsync(catalog, File.ReadLines(Path.Combine(folder, "products.jsonl"))
            .Where(line => wanted.Contains(JsonDocument.Parse(line).RootElement.GetProperty("product_id").GetString()!)));
        var index = temp.File("index");
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, index);

        Assert.Null(RankingProfileStore.Read(index));
        var (exit, printed) = await ConsoleCapture.RunAsync(() =>
            CliApp.Create().Parse(["tune", "--examples", examples, "--index", index, "--folds", "3", "--repeats", "1", "--device", "cpu"]).InvokeAsync());
        Assert.Equal(0, exit);
        Assert.Contains("Expected nDCG@10 on unseen queries (nested 3×3-fold cross-validation, 1 repeats)", printed);
        Assert.Contains("versus the built-in default, paired over queries", printed);
        Assert.Contains("Recall@100", printed);
        Assert.Contains("hybrid versus dense, paired over queries", printed);

        var written = RankingProfileStore.Read(index);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu });
        if (printed.Contains("Kept the built-in default profile", StringComparison.Ordinal))
        {
            Assert.Null(written);
            Assert.Same(ProductSearch.Ranking.RankingProfile.Default, engine.DefaultProfile);
        }
        else
        {
            Assert.StartsWith("productsearch tune: 24 queries, nested cross-validated nDCG@10", written!.Source);
            Assert.Equal(written.Source, engine.DefaultProfile.Source);
        }
    }

    [SkippableFact]
    public async Task Tune_on_too_few_queries_exits_2_naming_the_count()
    {
        var folder = SharedData.EsciDirectory;
        var lines = File.ReadLines(Path.Combine(folder, "examples.tsv")).ToList();
        var queryIds = lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Take(12).ToHashSet();
        using var temp = new TempFolder();
        var examples = temp.File("examples.tsv");
        await File.WriteAllLinesAsync(examples, [lines[0], .. lines.Skip(1).Where(l => queryIds.Contains(l.Split('\t')[0]))]);
        Assert.Equal(2, await CliApp.Create().Parse(["tune", "--examples", examples, "--index", temp.File("none"), "--device", "cpu"]).InvokeAsync());
    }

    [Fact]
    public async Task Judged_products_not_in_the_index_are_counted_and_reported()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(SmallCatalog.Write(temp.File("catalog.jsonl")), index);
        var examples = SmallCatalogJudgments.Write(temp.File("examples.tsv"), 22, notIndexed: 3);

        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        int exit;
        try
        {
            (exit, _) = await ConsoleCapture.RunAsync(() =>
                CliApp.Create().Parse(["tune", "--examples", examples, "--index", index, "--folds", "2", "--repeats", "1", "--dry-run", "--device", "cpu"]).InvokeAsync());
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(0, exit);
        Assert.Contains("3 of 23 judged products are not in the index (3 queries affected); they count as unfound.", errors.ToString(), StringComparison.Ordinal);
        Assert.Null(RankingProfileStore.Read(index)); // --dry-run
    }

    [Fact]
    public async Task Tune_with_a_missing_examples_file_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await CliApp.Create().Parse(["tune", "--examples", temp.File("none.tsv"), "--index", temp.Path]).InvokeAsync());
    }
}
