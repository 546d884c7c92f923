using System.Diagnostics;

namespace ProductSearch.Search;

/// <summary>
/// Times the query path's stages one after another: each <see cref="Lap"/> is the time since the previous one (or the
/// start). A struct over <see cref="Stopwatch"/> timestamps, so timing a search allocates nothing.
/// </summary>
internal struct StageClock
{
    private readonly long _started;
    private long _lapStarted;

    private StageClock(long now) => _started = _lapStarted = now;

    public static StageClock Start() => new(Stopwatch.GetTimestamp());

    /// <summary>The time since the previous lap, and the start of the next.</summary>
    public TimeSpan Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var lap = Stopwatch.GetElapsedTime(_lapStarted, now);
        _lapStarted = now;
        return lap;
    }

    /// <summary>The time since the clock started.</summary>
    public readonly TimeSpan Total => Stopwatch.GetElapsedTime(_started);
}
