using System.Text.Json;
using ProductSearch.Cli;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary><c>productsearch tune</c> writes the winning profile into the index, and the next search uses it.</summary>
public sealed class TuneCommandTests
{
    [SkippableFact]
    public async Task Tune_writes_a_profile_that_search_then_uses()
    {
        var folder = SharedData.EsciDirectory;
        var lines = File.ReadLines(Path.Combine(folder, "examples.tsv")).ToList();
        var queryIds = lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Take(12).ToHashSet();
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
        Assert.Equal(0, await CliApp.Create().Parse(["tune", "--examples", examples, "--index", index, "--folds", "3", "--device", "cpu"]).InvokeAsync());

        var written = RankingProfileStore.Read(index);
        Assert.NotNull(written);
        Assert.StartsWith("productsearch tune: 12 queries", written!.Source);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, Device = ComputeDevice.Cpu });
        Assert.Equal(written.Source, engine.DefaultProfile.Source);
    }

    [Fact]
    public async Task Tune_with_a_missing_examples_file_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(2, await CliApp.Create().Parse(["tune", "--examples", temp.File("none.tsv"), "--index", temp.Path]).InvokeAsync());
    }
}
