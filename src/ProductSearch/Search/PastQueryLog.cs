using System.Globalization;
using Microsoft.Extensions.Logging;
using ProductSearch.Behavior;

namespace ProductSearch.Search;

/// <summary>
/// Reads a behaviour log folder's query records back into <see cref="PastQueries"/> when an engine opens, so that the
/// suggestions learnt from shoppers survive a restart. A search counts when it found something on its first page
/// (<see cref="UbiQuery.QueryResponseHitIds"/> not empty, no page offset) and was not corrected ("did you mean");
/// unreadable lines and files are skipped and counted, never fatal: suggestions are a convenience.
/// </summary>
internal static class PastQueryLog
{
    public static void Load(PastQueries target, string folder, int days, DateTimeOffset now, Func<string, string?> asTyped, ILogger logger)
    {
        if (!Directory.Exists(folder)) return;
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - days);
        var (searches, files, skipped) = (0, 0, 0);
        foreach (var path in QueryFiles(folder, from))
        {
            files++;
            try
            {
                foreach (var line in BehaviorLogReader.ReadQueriesAsync(path).ToBlockingEnumerable())
                {
                    if (line.Record is not { } query)
                    {
                        skipped++;
                        continue;
                    }
                    if (!FoundSomething(query) || asTyped(query.UserQuery) is not { } text) continue;
                    target.Record(text);
                    searches++;
                }
            }
            catch (IOException ex)
            {
                EngineLog.PastQueryLogUnreadable(logger, path, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                EngineLog.PastQueryLogUnreadable(logger, path, ex.Message);
            }
        }
        if (files > 0) EngineLog.PastQueriesRead(logger, searches, files, folder, target.Count, skipped);
    }

    /// <summary>Whether the logged search found something on its first page and was searched as typed.</summary>
    public static bool FoundSomething(UbiQuery query) =>
        query.QueryResponseHitIds.Count > 0 && UbiQueries.FirstPosition(query) == 1
        && query.QueryAttributes?.ContainsKey(UbiQueries.DidYouMeanAttribute) != true;

    /// <summary>The folder's query logs of <paramref name="from"/> or later, by the day in their names, oldest first.</summary>
    private static IEnumerable<string> QueryFiles(string folder, DateOnly from)
    {
        var prefix = BehaviorLogFiles.QueriesStem + "-";
        return Directory.EnumerateFiles(folder, prefix + "*.jsonl")
            .Where(path => Path.GetFileName(path) is var name && name.Length >= prefix.Length + 10
                && DateOnly.TryParseExact(name.AsSpan(prefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day >= from)
            .Order(StringComparer.Ordinal);
    }
}
