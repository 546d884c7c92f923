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
        EmbedCommand.Create(),
        TuneCommand.Create(),
        UpsertCommand.Create(),
        DeleteCommand.Create(),
        InfoCommand.Create(),
        VerifyCommand.Create(),
        DownloadCommand.Create(),
        EvalCommand.Create(),
    };
}
