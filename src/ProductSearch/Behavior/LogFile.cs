namespace ProductSearch.Behavior;

/// <summary>
/// One stream of a <see cref="BehaviorLogWriter"/> (queries or events): the current day's file, a new one at UTC
/// midnight or past the size limit, and the count of lines written since the last flush — the lines a failing flush
/// would lose. Used by the writer's single background task only.
/// </summary>
internal sealed class LogFile(string folder, string stem, long maxBytes, Func<string, Stream> open)
{
    private Stream? _stream;
    private DateOnly _day;
    private int _sequence;
    private long _size;
    private int _pending;

    /// <summary>Appends a line; returns how many earlier lines a move to the next file flushed on the way (0 mostly).</summary>
    public async ValueTask<int> WriteAsync(byte[] line, DateOnly day)
    {
        var flushed = 0;
        if (_stream is null || day != _day)
        {
            flushed = await FlushAndCloseAsync().ConfigureAwait(false);
            Open(day, BehaviorLogFiles.LastSequence(folder, stem, day));
        }
        else if (maxBytes > 0 && _size > 0 && _size + line.Length > maxBytes)
        {
            flushed = await FlushAndCloseAsync().ConfigureAwait(false);
            Open(day, _sequence + 1);
        }
        await _stream!.WriteAsync(line).ConfigureAwait(false);
        _size += line.Length;
        _pending++;
        return flushed;
    }

    /// <summary>Flushes to the operating system; returns how many lines that made durable to a crash of this process.</summary>
    public async ValueTask<int> FlushAsync()
    {
        if (_stream is null || _pending == 0) return 0;
        await _stream.FlushAsync().ConfigureAwait(false);
        var written = _pending;
        _pending = 0;
        return written;
    }

    /// <summary>Drops the stream after a failure; returns the lines written since the last flush, now lost.</summary>
    public int Abandon()
    {
        var lost = _pending;
        _pending = 0;
        try { _stream?.Dispose(); }
        catch (Exception) { } // disposing flushes; on a full disk that fails again, and those lines are counted already
        _stream = null;
        return lost;
    }

    public void Close()
    {
        try { _stream?.Dispose(); }
        catch (Exception) { _pending = 0; }
        _stream = null;
    }

    private async ValueTask<int> FlushAndCloseAsync()
    {
        if (_stream is null) return 0;
        var flushed = await FlushAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _stream = null;
        return flushed;
    }

    private void Open(DateOnly day, int sequence)
    {
        Directory.CreateDirectory(folder);
        var path = BehaviorLogFiles.PathOf(folder, stem, day, sequence);
        if (maxBytes > 0 && File.Exists(path) && new FileInfo(path).Length >= maxBytes)
            path = BehaviorLogFiles.PathOf(folder, stem, day, ++sequence);
        var repair = EndsWithoutNewline(path);
        _stream = open(path);
        (_day, _sequence, _size) = (day, sequence, _stream.CanSeek ? _stream.Length : 0);
        // A line cut short by an earlier failure (a full disk) would swallow the next one: end it first.
        if (repair) _stream.WriteByte((byte)'\n');
    }

    private static bool EndsWithoutNewline(string path)
    {
        if (!File.Exists(path)) return false;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (file.Length == 0) return false;
        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() != '\n';
    }
}
