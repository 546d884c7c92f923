using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>
/// Turns the engine's errors into one line on standard error and an exit code: 2 for what the user can fix
/// (a bad argument, a missing or malformed input file, an index that does not fit, is damaged, or cannot be
/// written: a full disk, a read-only folder), 1 for anything unexpected (still one line).
/// The core says what is wrong (<see cref="ProductSearchException.Reason"/>); what to type next is said here.
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ProductSearchException or ArgumentException or FileNotFoundException or InvalidDataException
            or DownloadException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync("error: " + Describe(ex));
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // What no check foresaw is still one line, not a stack trace; exit 1 says it is not the input's fault.
            // PRODUCTSEARCH_TRACE=1 prints the whole exception, for a bug report.
            var trace = Environment.GetEnvironmentVariable("PRODUCTSEARCH_TRACE") == "1";
            await Console.Error.WriteLineAsync(trace ? ex.ToString() : $"error: unexpected {ex.GetType().Name}: {Describe(ex)} (PRODUCTSEARCH_TRACE=1 shows where)");
            return Unexpected;
        }
    }

    /// <summary>The exit code of a failure that is not the input's fault.</summary>
    public const int Unexpected = 1;

    /// <summary>
    /// The error, followed by what to do about it where the reason says, as one line: line breaks and other control
    /// characters (in a message, or in a path or value it quotes) are shown escaped, never printed.
    /// </summary>
    public static string Describe(Exception error)
    {
        var message = WithoutParameterName(error).TrimEnd();
        var advice = Advice(error);
        return OneLine(advice is null ? message : $"{message} {advice}");
    }

    // The parameter .NET names is the engine's, not the option the user typed, and the message already says what is wrong.
    private static string WithoutParameterName(Exception error) => error is ArgumentException refusal ? RefusalText.Of(refusal) : error.Message;

    private static string OneLine(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : text;

    private static string? Advice(Exception error) => error switch
    {
        IncompatibleIndexException { Incompatibility: IndexIncompatibility.OlderLexicalAnalysis } e =>
            $"Run 'productsearch index <catalog> --index {e.IndexPath}' (or any upsert) once: it re-analyses the stored products without re-embedding them.",
        IncompatibleIndexException { Incompatibility: IndexIncompatibility.OtherModel } e =>
            $"Use the index's model, or rebuild it with 'productsearch index <catalog> --index {e.IndexPath} --rebuild --model …'.",
        IncompatibleIndexException e => $"Rebuild it with 'productsearch index <catalog> --index {e.IndexPath} --rebuild'.",
        IndexException { Reason: ProductSearchErrorReason.IndexNotFound } e => $"Build it with 'productsearch index <catalog> --index {e.IndexPath}'.",
        IndexException { Reason: ProductSearchErrorReason.DamagedIndex } e =>
            $"Run 'productsearch verify --index {e.IndexPath}', or rebuild it with 'productsearch index <catalog> --index {e.IndexPath} --rebuild'.",
        IndexException { Reason: ProductSearchErrorReason.IndexBusy } => "Wait for it to finish.",
        RankingProfileException => "Delete it, or run 'productsearch tune' again.",
        RankerException e => $"Delete it, or {RankerSummary.Retrain(Path.GetDirectoryName(e.Path) ?? ".")}.",
        _ => null,
    };
}
