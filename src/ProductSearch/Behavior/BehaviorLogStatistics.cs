namespace ProductSearch.Behavior;

/// <summary>What a <see cref="BehaviorLogWriter"/> has done with the records given to it so far.</summary>
/// <param name="Written">Records written to a file (queries and events).</param>
/// <param name="DroppedQueueFull">Records refused because <see cref="BehaviorLogOptions.QueueCapacity"/> were already waiting.</param>
/// <param name="DroppedWriteFailed">Records lost because their file could not be written (a full disk, a missing permission).</param>
/// <param name="LastError">The last write error's message, or <c>null</c>.</param>
public sealed record BehaviorLogStatistics(long Written, long DroppedQueueFull, long DroppedWriteFailed, string? LastError)
{
    /// <summary>All records lost, for whatever reason.</summary>
    public long Dropped => DroppedQueueFull + DroppedWriteFailed;
}
