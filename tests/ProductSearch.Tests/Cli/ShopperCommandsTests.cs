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
        var index = temp.File("idx");
        CopyFolder(fixture.IndexPath, index);
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

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".lock", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
