using System.Globalization;
using System.Text.RegularExpressions;

namespace ProductSearch.Behavior;

/// <summary>
/// The file names of a behaviour log folder: <c>ubi_queries-2026-11-27.jsonl</c>, <c>ubi_events-2026-11-27.jsonl</c>,
/// and with size rotation <c>ubi_events-2026-11-27.1.jsonl</c>, <c>.2</c>, …, named after OpenSearch's
/// <c>ubi_queries</c> and <c>ubi_events</c> stores so that each file says which records it holds.
/// </summary>
public static partial class BehaviorLogFiles
{
    /// <summary>The name stem of query logs.</summary>
    public const string QueriesStem = "ubi_queries";

    /// <summary>The name stem of event logs.</summary>
    public const string EventsStem = "ubi_events";

    /// <summary>The path of a log file: the stem, the UTC day and, past the first file of the day, its sequence number.</summary>
    public static string PathOf(string folder, string stem, DateOnly day, int sequence) =>
        Path.Combine(folder, sequence == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{stem}-{day:yyyy-MM-dd}.jsonl")
            : string.Create(CultureInfo.InvariantCulture, $"{stem}-{day:yyyy-MM-dd}.{sequence}.jsonl"));

    /// <summary>The highest sequence number a file of that stem and day already has in <paramref name="folder"/>, or 0.</summary>
    public static int LastSequence(string folder, string stem, DateOnly day)
    {
        if (!Directory.Exists(folder)) return 0;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{stem}-{day:yyyy-MM-dd}");
        return Directory.EnumerateFiles(folder, prefix + "*.jsonl")
            .Select(path => LogName().Match(Path.GetFileName(path)))
            .Where(m => m.Success && m.Groups["stem"].Value == stem && m.Groups["day"].Value == prefix[(stem.Length + 1)..])
            .Select(m => m.Groups["seq"].Success ? int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture) : 0)
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Which records <paramref name="path"/> holds, by its name: <c>true</c> for queries (the name contains
    /// <c>quer</c>), <c>false</c> for events (<c>event</c>), <c>null</c> when the name says neither.
    /// </summary>
    public static bool? HoldsQueries(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var queries = name.Contains("quer", StringComparison.Ordinal);
        var events = name.Contains("event", StringComparison.Ordinal);
        return queries == events ? null : queries;
    }

    /// <summary>
    /// The query files and event files among <paramref name="paths"/>: a folder contributes its <c>*.jsonl</c> and
    /// <c>*.ndjson</c> files whose names say queries or events; a file is taken by its name. Each list is in name
    /// order (the order of the lines does not matter to the readers of these logs).
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="ArgumentException">A file's name says neither queries nor events.</exception>
    public static (IReadOnlyList<string> Queries, IReadOnlyList<string> Events) Classify(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var queries = new List<string>();
        var events = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)))
                {
                    if (HoldsQueries(file) is { } isQueries) (isQueries ? queries : events).Add(file);
                }
            }
            else if (File.Exists(path))
            {
                var isQueries = HoldsQueries(path)
                    ?? throw new ArgumentException($"Cannot tell whether '{path}' holds UBI queries or events: its name should contain 'queries' or 'events' (as ubi_queries-….jsonl, ubi_events-….jsonl).", nameof(paths));
                (isQueries ? queries : events).Add(path);
            }
            else
            {
                throw new FileNotFoundException($"Behaviour log '{path}' does not exist.", path);
            }
        }
        queries.Sort(StringComparer.Ordinal);
        events.Sort(StringComparer.Ordinal);
        return (queries, events);
    }

    [GeneratedRegex(@"^(?<stem>[a-z_]+)-(?<day>\d{4}-\d{2}-\d{2})(\.(?<seq>\d+))?\.jsonl$")]
    private static partial Regex LogName();
}
