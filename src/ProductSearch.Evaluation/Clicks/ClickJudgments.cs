using System.Security.Cryptography;
using System.Text;
using ProductSearch.Behavior;

namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// Turns a behaviour log in the UBI format (query and event JSON Lines, as <see cref="BehaviorLogWriter"/> writes
/// them) into graded judgments per (query text, product), corrected for position bias by clicks over expected clicks
/// (<see cref="CoecModel"/> has the arithmetic). Searches are grouped by their text, spaces collapsed and case ignored.
/// </summary>
public static class ClickJudgments
{
    /// <summary>Reads the logs at <paramref name="paths"/> (folders, or files named for queries and events) and judges.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or a file's name says neither queries nor events.</exception>
    /// <exception cref="InvalidDataException">No query log was found, or the log holds no click tied to a search.</exception>
    public static async Task<ClickJudgmentsResult> FromLogsAsync(IEnumerable<string> paths, ClickModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var given = paths.ToArray();
        var (queryFiles, eventFiles) = BehaviorLogFiles.Classify(given);
        if (queryFiles.Count == 0)
            throw new InvalidDataException($"No UBI query log (ubi_queries-….jsonl) in {string.Join(", ", given.Select(p => $"'{p}'"))}: events cannot be tied to searches without it.");
        var collector = new ClickLogCollector(options);
        foreach (var file in queryFiles)
        {
            await foreach (var line in BehaviorLogReader.ReadQueriesAsync(file, cancellationToken).ConfigureAwait(false))
            {
                if (line.Record is { } query) collector.AddQuery(query);
                else collector.AddMalformed(line.File, line.Line, line.Error!);
            }
        }
        foreach (var file in eventFiles)
        {
            await foreach (var line in BehaviorLogReader.ReadEventsAsync(file, cancellationToken).ConfigureAwait(false))
            {
                if (line.Record is { } ubiEvent) collector.AddEvent(ubiEvent, line.File, line.Line);
                else collector.AddMalformed(line.File, line.Line, line.Error!);
            }
        }
        return Judge(collector, options);
    }

    /// <summary>Judges records already in memory (a simulator's, a test's); unknown query ids are reported by their index in <paramref name="events"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">The records hold no click tied to a search.</exception>
    public static ClickJudgmentsResult FromRecords(IEnumerable<UbiQuery> queries, IEnumerable<UbiEvent> events, ClickModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var collector = new ClickLogCollector(options);
        foreach (var query in queries) collector.AddQuery(query);
        var index = 0;
        foreach (var ubiEvent in events) collector.AddEvent(ubiEvent, "records", index++);
        return Judge(collector, options);
    }

    /// <summary>The text judgments group searches by: trimmed, runs of white space made one space (case is kept; grouping ignores it).</summary>
    public static string NormalizeQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// A stable id for a query text: <c>c</c> and the first 12 hex digits of the SHA-256 of its normalised, lower-cased
    /// form, so the same query gets the same id in every run and every log.
    /// </summary>
    public static string QueryIdOf(string query)
    {
        var key = NormalizeQuery(query).ToLowerInvariant();
        return "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }

    private static ClickJudgmentsResult Judge(ClickLogCollector collector, ClickModelOptions options)
    {
        var (searches, source, report) = collector.Collected();
        var result = CoecModel.Judge(searches, source, report, options);
        if (result.Report.Clicks == 0)
            throw new InvalidDataException($"The log holds no click tied to a logged search ({result.Report.QueryRecords} searches, {result.Report.EventRecords} events read" +
                (result.Report.EventsWithUnknownQueryId > 0 ? $", {result.Report.EventsWithUnknownQueryId} events with unknown query ids" : "") + "): there is nothing to judge from.");
        return result;
    }
}
