using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>The eval commands' answers to bad input: one error line and exit code 2, before any model loads.</summary>
public sealed class EvalCommandTests
{
    private static Task<int> Run(params string[] args) => CliApp.RunAsync(args);

    [Fact]
    public async Task A_triplets_file_without_a_valid_row_exits_2()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("t.tsv"), "query\tpos\tneg\nshoes\tWhite Shoes\n");
        Assert.Equal(2, await Run("eval", "triplets", temp.File("t.tsv"), "--device", "cpu"));
        Assert.Equal(2, await Run("eval", "triplets", temp.File("missing.tsv"), "--device", "cpu"));
    }

    [Fact]
    public async Task Retrieval_input_problems_exit_2()
    {
        using var temp = new TempFolder();
        var examples = temp.File("e.tsv");
        await File.WriteAllTextAsync(examples, "query_id\tquery\tproduct_id\tesci_label\nq1\tshoes\tB01\tE\n");
        await File.WriteAllTextAsync(temp.File("bad.tsv"), "query_id\tquery\tproduct_id\tesci_label\nq1\tshoes\n");
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", temp.File("missing.tsv"), "--index", temp.Path));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", temp.File("bad.tsv"), "--index", temp.Path));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples, "--index", temp.Path, "--catalog", examples));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples, "--index", temp.Path, "--modes", "bm25,vector"));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples, "--index", temp.Path, "--k", "0"));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples, "--index", temp.File("no-index"), "--device", "cpu"));
        Assert.Equal(2, await Run("eval", "retrieval", "--examples", examples, "--index", temp.Path, "--split", "test"));
    }
}
