using System.CommandLine;

namespace ProductSearch.Cli;

/// <summary><c>productsearch judgments</c>: making judgment files from other sources (behaviour logs).</summary>
internal static class JudgmentsCommand
{
    public static Command Create() => new("judgments", "Make judgment files (ESCI examples layout) from other sources.")
    {
        JudgmentsFromClicksCommand.Create(),
    };
}
