using System.CommandLine;

namespace ProductSearch.Cli;

/// <summary><c>productsearch eval</c>: offline evaluation against judged data (triplet accuracy, retrieval metrics).</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Evaluate a model or an index against judged data.")
    {
        EvalTripletsCommand.Create(),
        EvalRetrievalCommand.Create(),
    };

    /// <summary>"3 lines skipped (line 5: missing column 'neg'; …)", naming the first ten.</summary>
    public static string SkippedSummary(IReadOnlyList<(int Line, string Reason)> skipped, string unit) =>
        $"{skipped.Count} {unit}{(skipped.Count == 1 ? "" : "s")} skipped (" +
        string.Join("; ", skipped.Take(10).Select(s => $"{unit} {s.Line}: {s.Reason}")) + (skipped.Count > 10 ? "; …" : "") + ").";
}
