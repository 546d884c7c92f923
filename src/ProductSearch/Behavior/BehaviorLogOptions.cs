namespace ProductSearch.Behavior;

/// <summary>Options of a <see cref="BehaviorLogWriter"/>.</summary>
public sealed class BehaviorLogOptions
{
    /// <summary>
    /// The folder the JSON Lines files go to (created when missing): <c>ubi_queries-YYYY-MM-DD.jsonl</c> and
    /// <c>ubi_events-YYYY-MM-DD.jsonl</c>, a new pair each UTC day. One writing process per folder: two apps logging
    /// into the same folder would interleave their lines.
    /// </summary>
    public string Folder { get; set; } = "";

    /// <summary>
    /// Records waiting to be written, at most. A search never waits for the disk: when this many are waiting, further
    /// records are dropped and counted (<see cref="BehaviorLogStatistics.DroppedQueueFull"/>) until the writer catches up.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Start a new file of the day once the current one holds this many bytes (<c>ubi_events-2026-11-27.1.jsonl</c>,
    /// <c>.2</c>, …); 0 rotates by day only.
    /// </summary>
    public long MaxFileBytes { get; set; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder))
            throw new ArgumentException("BehaviorLog:Folder is required: the folder to write the UBI query and event logs to.", nameof(Folder));
        if (QueueCapacity < 1)
            throw new ArgumentException($"BehaviorLog:QueueCapacity must be at least 1, got {QueueCapacity}.", nameof(QueueCapacity));
        if (MaxFileBytes < 0)
            throw new ArgumentException($"BehaviorLog:MaxFileBytes must be 0 (no size limit) or more, got {MaxFileBytes}.", nameof(MaxFileBytes));
    }
}
