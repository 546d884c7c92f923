using System.Text;
using System.Text.Unicode;

namespace ProductSearch.Catalog;

/// <summary>
/// Decodes a UTF-8 stream one physical line at a time. Bytes that are not UTF-8 become U+FFFD, as with a
/// <see cref="StreamReader"/>, but not silently: the line's number goes to a callback first, so the catalog
/// report can say where the damage is. Splitting on the byte <c>\n</c> is safe because that byte never occurs
/// inside a multi-byte UTF-8 sequence.
/// </summary>
/// <remarks>
/// Serves both a line-based reader (<see cref="ReadLine"/>, which ends lines at <c>\n</c> or <c>\r\n</c> only)
/// and a character-based one such as a CSV parser (the <c>Read</c> overloads hand out the text with its line
/// ends). A line is held whole in memory, however long it is.
/// </remarks>
internal sealed class CheckedUtf8Reader : TextReader
{
    private const int ReadSize = 64 * 1024;
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private readonly Action<int> _onInvalidLine;
    private byte[] _bytes = new byte[ReadSize];
    private int _byteStart;
    private int _byteEnd;
    private int _scanned; // bytes after _byteStart already searched for '\n'
    private bool _endOfStream;
    private char[] _chars = new char[4096];
    private int _charPos;
    private int _charEnd;

    /// <summary>Creates a reader over <paramref name="stream"/>, which it owns.</summary>
    /// <param name="stream">UTF-8 bytes, with or without a byte order mark.</param>
    /// <param name="onInvalidLine">Called with the 1-based number of each line that holds bytes that are not UTF-8.</param>
    public CheckedUtf8Reader(Stream stream, Action<int> onInvalidLine)
    {
        _stream = stream;
        _onInvalidLine = onInvalidLine;
    }

    /// <summary>Number of lines decoded so far: after <see cref="ReadLine"/>, the number of the line it returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes of the stream decoded so far.</summary>
    public long BytesConsumed { get; private set; }

    public override int Peek() => _charPos < _charEnd || NextLine() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charEnd || NextLine() ? _chars[_charPos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length && (_charPos < _charEnd || NextLine())) written += Take(buffer[written..]);
        return written;
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var written = 0;
        while (written < buffer.Length && (_charPos < _charEnd || await NextLineAsync(cancellationToken).ConfigureAwait(false)))
            written += Take(buffer.Span[written..]);
        return written;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override string? ReadLine() => _charPos < _charEnd || NextLine() ? TakeLine() : null;

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        _charPos < _charEnd || await NextLineAsync(cancellationToken).ConfigureAwait(false) ? TakeLine() : null;

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }

    private int Take(Span<char> destination)
    {
        var count = Math.Min(destination.Length, _charEnd - _charPos);
        _chars.AsSpan(_charPos, count).CopyTo(destination);
        _charPos += count;
        return count;
    }

    private string TakeLine()
    {
        var line = _chars.AsSpan(_charPos, _charEnd - _charPos);
        _charPos = _charEnd;
        if (line.EndsWith('\n')) line = line[..^1];
        if (line.EndsWith('\r')) line = line[..^1];
        return new string(line);
    }

    private bool NextLine()
    {
        while (!TryDecodeLine())
        {
            if (_endOfStream) return false;
            MakeRoom();
            var read = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
            if (read == 0) _endOfStream = true;
            _byteEnd += read;
        }
        return true;
    }

    private async ValueTask<bool> NextLineAsync(CancellationToken cancellationToken)
    {
        while (!TryDecodeLine())
        {
            if (_endOfStream) return false;
            MakeRoom();
            var read = await _stream.ReadAsync(_bytes.AsMemory(_byteEnd), cancellationToken).ConfigureAwait(false);
            if (read == 0) _endOfStream = true;
            _byteEnd += read;
        }
        return true;
    }

    /// <summary>Decodes the next complete line (or the unterminated last one) into the character buffer.</summary>
    private bool TryDecodeLine()
    {
        var window = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        var newline = window[_scanned..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            _scanned = window.Length;
            if (!_endOfStream || window.IsEmpty) return false;
        }
        var line = newline >= 0 ? window[..(_scanned + newline + 1)] : window;
        _byteStart += line.Length;
        _scanned = 0;
        BytesConsumed += line.Length;
        LineNumber++;
        // A byte order mark opens the file, and any line of files joined with cat: it is no text of the line.
        if (line.StartsWith(Encoding.UTF8.Preamble)) line = line[Encoding.UTF8.Preamble.Length..];
        if (!Utf8.IsValid(line)) _onInvalidLine(LineNumber);

        var length = Lenient.GetCharCount(line);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        _charEnd = Lenient.GetChars(line, _chars);
        _charPos = 0;
        return true;
    }

    /// <summary>Moves the unread bytes to the front, and grows the buffer when a single line fills it.</summary>
    private void MakeRoom()
    {
        if (_byteStart > 0)
        {
            Buffer.BlockCopy(_bytes, _byteStart, _bytes, 0, _byteEnd - _byteStart);
            _byteEnd -= _byteStart;
            _byteStart = 0;
        }
        if (_bytes.Length - _byteEnd < ReadSize / 2) Array.Resize(ref _bytes, _bytes.Length * 2);
    }
}
