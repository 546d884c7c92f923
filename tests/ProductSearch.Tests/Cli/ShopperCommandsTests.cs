using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary><c>suggest</c>, <c>synonyms</c> and the search options for shoppers' queries, through the CLI.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ShopperCommandsTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    private static Task<(int Exit, string Output)> Run(params string[] args) => ConsoleCapture.RunAsync(() => CliApp.RunAsync(args));

    [Fact]
    public async Task Suggest_completes_from_the_catalog_and_refuses_bad_counts()
    {
        var (exit, output) = await Run("suggest", "sauce", "--index", fixture.IndexPath, "--json");
        Assert.Equal(0, exit);
        Assert.Contains("\"text\":\"saucepan\"", output);
        Assert.Equal(2, (await Run("suggest", "sauce", "--index", fixture.IndexPath, "-n", "0")).Exit);
    }

    [Fact]
    public async Task Search_says_what_it_searched_for_instead_of_a_typo()
    {
        var (exit, output) = await Run("search", "saucepna", "--index", fixture.IndexPath, "--device", "cpu");
        Assert.Equal(0, exit);
        Assert.Contains("Searched for: saucepan", output);
        var json = (await Run("search", "saucepna", "--index", fixture.IndexPath, "--device", "cpu", "--json")).Output;
        Assert.Contains("\"did_you_mean\": \"saucepan\"", json);
        Assert.Contains("<mark>Saucepan</mark>", json);
        Assert.Equal(2, (await Run("search", "pan", "--index", fixture.IndexPath, "--locale", "fr")).Exit);
    }

    [Fact]
    public async Task Synonyms_set_show_and_a_bad_file_exits_2_naming_the_line()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var bad = temp.File("bad.txt");
        await File.WriteAllTextAsync(bad, "pan, pot\nhammer => mallet => tool\n");
        Assert.Equal(2, (await Run("synonyms", "set", bad, "--index", index)).Exit);
        Assert.Contains("(no synonyms)", (await Run("synonyms", "show", "--index", index)).Output);

        var good = temp.File("good.txt");
        await File.WriteAllTextAsync(good, "mallet, hammer\n");
        Assert.Equal(0, (await Run("synonyms", "set", good, "--index", index)).Exit);
        Assert.Contains("mallet, hammer", (await Run("synonyms", "show", "--index", index)).Output);
        Assert.Contains("Claw Hammer", (await Run("search", "mallet", "--index", index, "--mode", "bm25", "--device", "cpu")).Output);
        Assert.Equal(0, (await Run("synonyms", "clear", "--index", index)).Exit);
        Assert.Contains("(no synonyms)", (await Run("synonyms", "show", "--index", index)).Output);
    }

    [Fact]
    public async Task Suggest_offers_past_queries_from_a_behaviour_log_and_names_their_kind()
    {
        using var temp = new TempFolder();
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var line = "{\"query_id\":\"q{0}\",\"user_query\":\"Copper Saucepan\",\"timestamp\":\"" + DateTime.UtcNow.ToString("O") + "\",\"query_response_hit_ids\":[\"k3\"]}\n";
        await File.WriteAllTextAsync(ProductSearch.Behavior.BehaviorLogFiles.PathOf(temp.Path, "ubi_queries", day, 0),
            string.Concat(Enumerable.Range(0, 2).Select(i => line.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        var (exit, output) = await Run("suggest", "copper s", "--index", fixture.IndexPath, "--past-queries", temp.Path, "--min-searches", "2");
        Assert.Equal(0, exit);
        Assert.StartsWith("copper saucepan   (past query, searched 2 times)", output.TrimStart());
        var json = (await Run("suggest", "copper s", "--index", fixture.IndexPath, "--past-queries", temp.Path, "--min-searches", "2", "--json")).Output;
        Assert.Contains("\"kind\":\"pastquery\"", json);
        Assert.DoesNotContain("pastquery", (await Run("suggest", "copper s", "--index", fixture.IndexPath, "--past-queries", temp.Path, "--json")).Output); // 2 < 3
        Assert.Equal(2, (await Run("suggest", "copper", "--index", fixture.IndexPath, "--past-queries", temp.Path, "--min-searches", "0")).Exit);
        Assert.Equal(2, (await Run("suggest", "copper", "--index", fixture.IndexPath, "--past-queries", temp.File("missing"))).Exit);
    }

    [Theory]
    [InlineData("prefixes", "claw ham")]
    [InlineData("typos", null)]
    public async Task Eval_retrieval_searches_the_variant_of_the_judged_queries(string variant, string? expected)
    {
        using var temp = new TempFolder();
        var examples = temp.File("e.tsv");
        await File.WriteAllTextAsync(examples, "query_id\tquery\tproduct_id\tesci_label\nq1\tclaw hammer\tk2\tE\nq2\tcopper saucepan\tk3\tE\n");
        async Task<string> Queries(string folder, int seed)
        {
            var (exit, _) = await Run("eval", "retrieval", "--examples", examples, "--index", fixture.IndexPath, "--device", "cpu", "--modes", "bm25",
                "--variant", variant, "--variant-seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--out", temp.File(folder));
            Assert.Equal(0, exit);
            return await File.ReadAllTextAsync(Path.Combine(temp.File(folder), "per-query.csv"));
        }
        var first = await Queries("a", 3);
        if (expected is not null) Assert.Contains(expected, first);
        else
        {
            Assert.DoesNotContain("claw hammer", first); // "hammer" has 6 letters: it gets the typo
            Assert.Equal(first, await Queries("b", 3)); // the same seed, the same typos
        }
        Assert.Equal(2, (await Run("eval", "retrieval", "--examples", examples, "--index", fixture.IndexPath, "--variant", "misspelt")).Exit);
    }
}
