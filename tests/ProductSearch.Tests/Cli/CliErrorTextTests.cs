using System.CommandLine;
using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// Errors and help in the user's words (issue 18, part 3): no .NET parameter names or type names, enum choices as
/// typed, one summary a command.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliErrorTextTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    [Theory]
    [InlineData("--min-price", "abc", "--min-price expects a number (e.g. 12.5), got 'abc'.")]
    [InlineData("-k", "many", "-k expects a whole number, got 'many'.")]
    [InlineData("--fusion", "borda", "--fusion expects one of rrf, convex, got 'borda'.")]
    public async Task A_value_that_does_not_parse_is_named_without_a_dotnet_type(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath, option, value);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"error: {expected} (see --help)", line);
    }

    [Fact]
    public async Task An_argument_refused_by_the_engine_shows_its_message_without_the_parameter_suffix()
    {
        var result = await CliRun.RunAsync("search", "hammer", "--index", fixture.IndexPath, "-k", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: k must be between 1 and 1000.", Assert.Single(result.ErrorLines));

        Assert.Equal("Unknown filter field 'foo'.", CliErrors.Describe(new ArgumentException("Unknown filter field 'foo'.", "FieldEquals")));
        Assert.Equal("Offset too big.", CliErrors.Describe(new ArgumentOutOfRangeException("Offset", 20000, "Offset too big.")));
        Assert.Equal("No parameter here.", CliErrors.Describe(new ArgumentException("No parameter here.")));
    }

    [Fact]
    public void Enum_options_show_their_values_as_typed()
    {
        var root = CliApp.Create();
        string Help(params string[] args)
        {
            var help = new StringWriter();
            root.Parse([.. args, "--help"]).Invoke(new InvocationConfiguration { Output = help });
            return help.ToString();
        }
        Assert.Contains("--fusion <rrf|convex>", Help("search"));
        Assert.Contains("--prompt <document|query>", Help("embed"));
        Assert.Contains("--variant <clean|typos|prefixes>", Help("eval", "retrieval"));
        foreach (var text in new[] { Help("search"), Help("embed"), Help("eval", "retrieval") })
            Assert.DoesNotMatch("<[A-Z][a-z]+\\|", text);
    }

    [Fact]
    public async Task Delete_prints_one_summary_and_nothing_on_standard_error()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var result = await CliRun.RunAsync("delete", "k1", "nope", "--index", index);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Deleted 1 product; 1 id was not in the index. Generation 2 holds 5 products.", line);
    }
}
