using System.CommandLine;
using System.CommandLine.Invocation;

namespace ProductSearch.Cli;

/// <summary>The <c>productsearch</c> command tree.</summary>
public static class CliApp
{
    /// <summary>Creates the root command with every subcommand.</summary>
    public static RootCommand Create() => EnumChoices.Apply(new("ProductSearch: hybrid (BM25 + dense HNSW) product search.")
    {
        IndexCommand.Create(),
        SearchCommand.Create(),
        SuggestCommand.Create(),
        SynonymsCommand.Create(),
        RulesCommand.Create(),
        SchemaCommand.Create(),
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
        ServeCommand.Create(),
    });

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
            // A mistyped command ('serch') is first an unknown token, then a missing command: name the token.
            var first = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parse.Errors[0];
            await Console.Error.WriteLineAsync($"error: {CliParseErrors.Describe(first)}{TypoSuggestions(parse)} (see --help)");
            return CliErrors.BadInput;
        }
        return await parse.InvokeAsync();
    }

    /// <summary>
    /// " Did you mean 'search'?" for a mistyped command or option ('serch', '--indx'), or nothing. The suggestions are
    /// System.CommandLine's own (its parse-error action, told to show no help), read back from what it writes.
    /// </summary>
    private static string TypoSuggestions(ParseResult parse)
    {
        if (parse.Action is not ParseErrorAction action || parse.UnmatchedTokens.Count == 0) return "";
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ""; // a suggestion is a courtesy: the error line stands without it
        }
        // It writes "'serch' was not matched. Did you mean one of the following?" and then one suggestion a line.
        var suggestions = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains(' ') && line.Length > 2).Distinct().ToList(); // not the one-letter aliases ('-h', '-i')
        return suggestions.Count == 0 ? "" : $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?";
    }
}
