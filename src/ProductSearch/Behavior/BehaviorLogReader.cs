using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProductSearch.Behavior;

/// <summary>
/// Reads UBI JSON Lines files back, line by line: each line yields its record or, when it is not JSON or breaks the
/// schema (<see cref="UbiJsonParser"/>), the reason with the file and line number, so that a reader of the log can
/// report what it skipped and carry on. Blank lines are passed over.
/// </summary>
public static class BehaviorLogReader
{
    /// <summary>One line of a log: <see cref="Record"/> or, when the line was refused, <see cref="Error"/>.</summary>
    /// <param name="File">The file.</param>
    /// <param name="Line">The 1-based line number.</param>
    /// <param name="Record">The record read, or <c>null</c>.</param>
    /// <param name="Error">Why the line was refused, naming the field, or <c>null</c>.</param>
    public sealed record LogLine<T>(string File, int Line, T? Record, string? Error) where T : class;

    /// <summary>The query records of <paramref name="path"/>.</summary>
    public static IAsyncEnumerable<LogLine<UbiQuery>> ReadQueriesAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, (JsonElement json, out UbiQuery? q, out UbiFieldError? e) => UbiJsonParser.TryParseQuery(json, out q, out e), cancellationToken);

    /// <summary>The event records of <paramref name="path"/>.</summary>
    public static IAsyncEnumerable<LogLine<UbiEvent>> ReadEventsAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, (JsonElement json, out UbiEvent? e, out UbiFieldError? error) => UbiJsonParser.TryParseEvent(json, out e, out error), cancellationToken);

    private delegate bool Parser<T>(JsonElement json, out T? record, out UbiFieldError? error);

    private static async IAsyncEnumerable<LogLine<T>> ReadAsync<T>(string path, Parser<T> parse, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Behaviour log '{path}' does not exist.", path);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true));
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var (document, notJson) = TryParse(text);
            if (document is null)
            {
                yield return new LogLine<T>(path, number, null, notJson);
                continue;
            }
            using (document)
            {
                yield return parse(document.RootElement, out var record, out var error)
                    ? new LogLine<T>(path, number, record, null)
                    : new LogLine<T>(path, number, null, error!.Message);
            }
        }
    }

    private static (JsonDocument? Document, string? Error) TryParse(string text)
    {
        try
        {
            return (JsonDocument.Parse(text), null);
        }
        catch (JsonException ex)
        {
            return (null, $"not JSON ({FirstSentence(ex.Message)})");
        }
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
