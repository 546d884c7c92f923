using System.CommandLine;
using ProductSearch.Cli;
using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>What a new user meets in the first ten minutes (issue 18, part 3): each seen once, each fixed here.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliRoughEdgesTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    [Theory]
    [InlineData("serch", "'search'")]
    [InlineData("evl", "'eval'")]
    public async Task A_mistyped_command_is_one_line_that_suggests_the_right_one(string typo, string suggestion)
    {
        var result = await CliRun.RunAsync(typo, "hammer");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains($"'{typo}'", line);
        Assert.Contains($"Did you mean {suggestion}?", line);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_mistyped_option_suggests_the_option_and_not_the_one_letter_aliases()
    {
        var result = await CliRun.RunAsync("search", "hammer", "--indx", fixture.IndexPath);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.EndsWith("Did you mean '--index'? (see --help)", line);
    }

    [Fact]
    public async Task Counts_of_one_are_singular()
    {
        var search = await CliRun.RunAsync("search", "claw hammer", "--index", fixture.IndexPath, "--device", "cpu", "-k", "1");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("\n1 result in ", search.Output);
        Assert.Contains("over 6 products", search.Output);

        using var temp = new TempFolder();
        var catalog = temp.File("one.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title\nk1,Claw Hammer 16 oz\n");
        var index = await CliRun.RunAsync("index", catalog, "--index", temp.File("idx"), "--device", "cpu", "--model", "minilm");
        Assert.Equal(0, index.ExitCode);
        Assert.Contains(": 1 product (1 added", index.Output);
        Assert.Contains("embedded 1 title with minilm", index.Output);
        Assert.DoesNotContain("/s)", index.Output); // no "(0/s)" for one title

        var again = await CliRun.RunAsync("index", catalog, "--index", temp.File("idx"), "--device", "cpu", "--model", "minilm");
        Assert.Contains("Nothing changed: 1 product of", again.Output);
        Assert.Contains("is already in", again.Output);
    }

    [Fact]
    public void Eval_retrieval_help_names_the_default_model_it_runs()
    {
        var model = Assert.Single(EvalRetrievalCommand.Create().Options, o => o.Name == "--model");
        Assert.Contains($"or {BuiltInModels.DefaultName}).", model.Description); // after the configured defaults (CliDefaults)
        Assert.DoesNotContain("default minilm", model.Description);
    }

    /// <summary>Help seen by a new user: modes in the casing they are typed in, and info/verify read an index rather than write one.</summary>
    [Fact]
    public void Help_shows_modes_as_typed_and_reading_commands_do_not_say_write()
    {
        var root = CliApp.Create();
        var help = new StringWriter();
        root.Parse(["search", "--help"]).Invoke(new InvocationConfiguration { Output = help });
        Assert.Contains("<bm25|dense|hybrid|ranked-hybrid>", help.ToString());
        Assert.DoesNotContain("Bm25|", help.ToString());
        foreach (var name in new[] { "info", "verify" })
        {
            var index = Assert.Single(root.Subcommands.Single(c => c.Name == name).Options, o => o.Name == "--index");
            Assert.DoesNotContain("write", index.Description, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Eval_triplets_refuses_a_product_catalog_in_one_line_naming_the_missing_columns()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("products.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title,brand,color\nk1,Claw Hammer,Acme,red\nk2,Copper Pan,Acme,copper\n" +
            "k3,Steel Pan,Acme,grey\nk4,Rubber Hammer,Acme,black\n");
        var result = await CliRun.RunAsync("eval", "triplets", catalog, "--device", "cpu");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("no triplet columns", line);
        Assert.Contains("lacks 'query', 'pos', 'neg'", line);
        Assert.Empty(result.Output);
    }

    /// <summary>
    /// Under <c>--device auto</c>, a machine without a GPU runs on the CPU as asked: no line about CUDA unless
    /// <c>--verbose</c>. A child process each, since the note is said once per process.
    /// </summary>
    [Fact]
    public void Auto_device_says_cuda_is_missing_only_with_verbose()
    {
        var quiet = ChildProcessCli.Run("search", "hammer", "--index", fixture.IndexPath);
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("CUDA", quiet.Error);

        var verbose = ChildProcessCli.Run("search", "hammer", "--index", fixture.IndexPath, "--verbose");
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        if (verbose.Output.Contains(" on cpu)", StringComparison.Ordinal)) // a machine where CUDA did start has nothing to say
            Assert.Contains("CUDA is not available", verbose.Error);
    }
}
