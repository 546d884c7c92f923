using System.Globalization;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>
/// Progress of an index build as plain lines, for output that is not a terminal (a log, a CI job, a pipe): one line each
/// time another tenth of the catalog has been read, or when <see cref="Interval"/> has passed since the last line, until
/// the whole catalog is read (a catalog read in one batch prints none).
/// Reported synchronously (not through <see cref="Progress{T}"/>, which may post reports out of order).
/// </summary>
internal sealed class ProgressLines(TextWriter output, string catalog, TimeProvider? time = null) : IProgress<IndexBuildProgress>
{
    /// <summary>The longest wait between two lines while the build goes on.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly long _start = (time ?? TimeProvider.System).GetTimestamp();
    private long _lastLine = (time ?? TimeProvider.System).GetTimestamp();
    private int _lastTenth;

    public void Report(IndexBuildProgress value)
    {
        lock (_gate)
        {
            // Once the whole catalog is read the summary (or the error) comes next: a "100 %" line would only delay it.
            if (value.BytesTotal > 0 && value.BytesRead >= value.BytesTotal) return;
            var tenth = value.BytesTotal > 0 ? (int)Math.Min(10, value.BytesRead * 10 / value.BytesTotal) : _lastTenth;
            if (tenth <= _lastTenth && _time.GetElapsedTime(_lastLine) < Interval) return;
            _lastTenth = Math.Max(tenth, _lastTenth);
            _lastLine = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_start);
            var share = value.BytesTotal > 0 ? $"{(double)value.BytesRead / value.BytesTotal:P0} of {Path.GetFileName(catalog)} read, " : "";
            output.WriteLine($"Indexing: {share}{Counts.Of(value.ProductsDone, "product")} done{Counts.Rate(value.ProductsDone, elapsed)}, " +
                             $"{elapsed.TotalSeconds.ToString("F0", CultureInfo.CurrentCulture)} s.");
        }
    }
}
