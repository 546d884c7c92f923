using System.CommandLine;

namespace ProductSearch.Cli;

/// <summary>The <c>productsearch</c> command tree.</summary>
public static class CliApp
{
    /// <summary>Creates the root command with every subcommand.</summary>
    public static RootCommand Create() => new("ProductSearch: hybrid (BM25 + dense HNSW) product search.")
    {
        IndexCommand.Create(),
        SearchCommand.Create(),
        SuggestCommand.Create(),
        SynonymsCommand.Create(),
        EmbedCommand.Create(),
        TuneCommand.Create(),
        UpsertCommand.Create(),
        DeleteCommand.Create(),
        InfoCommand.Create(),
        VerifyCommand.Create(),
        DownloadCommand.Create(),
        EvalCommand.Create(),
        TrainRankerCommand.Create(),
        JudgmentsCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (an unknown option, a value outside
    /// an option's choices, a missing argument) is bad input like any other: one line naming it, exit code 2 —
    /// System.CommandLine's own answer would be the whole help text and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync($"error: {message} (see --help)");
            return CliErrors.BadInput;
        }
        return await parse.InvokeAsync();
    }
}
