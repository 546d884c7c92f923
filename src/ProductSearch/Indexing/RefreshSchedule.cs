namespace ProductSearch.Indexing;

/// <summary>
/// When to look for a newer commit or profile next: every interval while looks succeed, and after a failure at
/// doubling delays up to a minute, so a damaged newer commit is retried without a tight loop. Time comes from a
/// <see cref="TimeProvider"/>, so tests move it instead of sleeping.
/// </summary>
internal sealed class RefreshSchedule(TimeSpan interval, TimeProvider time)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);
    private long _due = time.GetTimestamp() + Ticks(interval, time);
    private int _failures;

    /// <summary>Whether automatic looks are on (a positive interval).</summary>
    public bool IsEnabled => interval > TimeSpan.Zero;

    /// <summary>Whether a look is due now.</summary>
    public bool IsDue => IsEnabled && time.GetTimestamp() >= Volatile.Read(ref _due);

    /// <summary>A look succeeded (or is starting): the next one is an interval away.</summary>
    public void Succeeded()
    {
        Volatile.Write(ref _failures, 0);
        Volatile.Write(ref _due, time.GetTimestamp() + Ticks(interval, time));
    }

    /// <summary>A look failed: the next one waits twice as long as the last, up to a minute. Returns that wait.</summary>
    public TimeSpan Failed()
    {
        var failures = Interlocked.Increment(ref _failures);
        var delay = TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << Math.Min(failures, 20)), MaxDelay.Ticks));
        Volatile.Write(ref _due, time.GetTimestamp() + Ticks(delay, time));
        return delay;
    }

    private static long Ticks(TimeSpan span, TimeProvider time) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
