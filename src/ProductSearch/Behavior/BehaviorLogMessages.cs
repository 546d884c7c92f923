using Microsoft.Extensions.Logging;

namespace ProductSearch.Behavior;

/// <summary>The behaviour log's own log lines.</summary>
internal static partial class BehaviorLogMessages
{
    [LoggerMessage(101, LogLevel.Warning, "Could not write the behaviour log in {Folder}: {Reason} Records are dropped and counted until writing works again (tried again every {Retry}); searches are not affected.")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string folder, string reason, TimeSpan retry);

    [LoggerMessage(102, LogLevel.Information, "Writing the behaviour log in {Folder} again; {Dropped} records were dropped while it failed.")]
    public static partial void WriteRecovered(ILogger logger, string folder, long dropped);

    [LoggerMessage(103, LogLevel.Warning, "The behaviour log's queue is full ({Capacity} records waiting): records are dropped and counted until the writer catches up.")]
    public static partial void QueueFull(ILogger logger, int capacity);
}
