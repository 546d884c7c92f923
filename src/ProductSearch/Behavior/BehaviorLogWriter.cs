using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProductSearch.Behavior;

/// <summary>
/// Appends UBI query and event records to JSON Lines files (see <see cref="BehaviorLogFiles"/>), for an app that
/// wants its searches and its shoppers' clicks on disk. Thread-safe; <see cref="TryWrite(UbiQuery)"/> never blocks
/// and never throws on the disk's account: records go into a bounded queue that one background task writes out, so a
/// search pays for turning its record into JSON and nothing more. Whatever cannot be written — the queue is full, the
/// disk is full, the folder is not writable — is dropped, counted (<see cref="Statistics"/>) and logged once per
/// failure spell; the writer tries the disk again a second later and carries on when it works.
/// </summary>
public sealed class BehaviorLogWriter : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxBatch = 1024;

    private readonly BehaviorLogOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Entry> _queue;
    private readonly LogFile _queries;
    private readonly LogFile _events;
    private readonly Task _drain;
    private long _written;
    private long _droppedQueueFull;
    private long _droppedWriteFailed;
    private long _droppedAtFailureStart;
    private string? _lastError;
    private bool _failing;
    private DateTimeOffset _retryAt;
    private int _queueFullLogged;
    private bool _closed;

    /// <summary>Starts a writer into <see cref="BehaviorLogOptions.Folder"/> (created when first written).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BehaviorLogWriter(BehaviorLogOptions options, ILogger<BehaviorLogWriter>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, OpenAppend)
    {
    }

    /// <summary>As the public constructor, with the way files are opened replaced (the tests fill a "disk").</summary>
    internal BehaviorLogWriter(BehaviorLogOptions options, ILogger? logger, TimeProvider? timeProvider, Func<string, Stream> openFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Folder = Path.GetFullPath(options.Folder);
        _queries = new LogFile(Folder, BehaviorLogFiles.QueriesStem, options.MaxFileBytes, openFile);
        _events = new LogFile(Folder, BehaviorLogFiles.EventsStem, options.MaxFileBytes, openFile);
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite answers false when full: the caller never waits
        });
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>The folder written to, as a full path.</summary>
    public string Folder { get; }

    /// <summary>Counts of records written and dropped so far.</summary>
    public BehaviorLogStatistics Statistics => new(Interlocked.Read(ref _written), Interlocked.Read(ref _droppedQueueFull),
        Interlocked.Read(ref _droppedWriteFailed), Volatile.Read(ref _lastError));

    /// <summary>Queues a search's record; <c>false</c> when it was dropped (queue full) or the writer is disposed.</summary>
    public bool TryWrite(UbiQuery query) => Enqueue(new Entry(_queries, UbiJsonWriter.ToLine(query), null));

    /// <summary>Queues an event; <c>false</c> when it was dropped (queue full) or the writer is disposed.</summary>
    public bool TryWrite(UbiEvent ubiEvent) => Enqueue(new Entry(_events, UbiJsonWriter.ToLine(ubiEvent), null));

    /// <summary>
    /// Completes when every record queued before the call has been written to its file (or dropped), and the files
    /// flushed to the operating system. For tests, and for apps that read their own logs.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new Entry(null, [], flushed), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await _drain.ConfigureAwait(false); // disposed: everything queued is written once the drain ends
            return;
        }
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes out what is queued, closes the files, and refuses further records.</summary>
    public async ValueTask DisposeAsync()
    {
        // After this a refused record is a closed writer's, not a full queue's, and is not counted as dropped.
        Volatile.Write(ref _closed, true);
        _queue.Writer.TryComplete();
        await _drain.ConfigureAwait(false);
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private bool Enqueue(Entry entry)
    {
        if (_queue.Writer.TryWrite(entry))
        {
            Volatile.Write(ref _queueFullLogged, 0);
            return true;
        }
        if (Volatile.Read(ref _closed)) return false;
        Interlocked.Increment(ref _droppedQueueFull);
        if (Interlocked.Exchange(ref _queueFullLogged, 1) == 0) BehaviorLogMessages.QueueFull(_logger, _options.QueueCapacity);
        return false;
    }

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Entry>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var entry)) batch.Add(entry);
            foreach (var entry in batch)
            {
                if (entry.Flushed is { } flushed)
                {
                    await FlushFilesAsync().ConfigureAwait(false);
                    flushed.TrySetResult();
                }
                else
                {
                    await WriteAsync(entry.File!, entry.Line).ConfigureAwait(false);
                }
            }
            batch.Clear();
            await FlushFilesAsync().ConfigureAwait(false);
        }
        _queries.Close();
        _events.Close();
    }

    private async ValueTask WriteAsync(LogFile file, byte[] line)
    {
        var now = _time.GetUtcNow();
        if (_failing && now < _retryAt)
        {
            Interlocked.Increment(ref _droppedWriteFailed);
            return;
        }
        try
        {
            Interlocked.Add(ref _written, await file.WriteAsync(line, DateOnly.FromDateTime(now.UtcDateTime)).ConfigureAwait(false));
        }
        catch (Exception ex) // a log sink: whatever goes wrong costs this record, never the app
        {
            Failed(file, ex, alsoLost: 1);
        }
    }

    private async ValueTask FlushFilesAsync()
    {
        foreach (var file in (LogFile[])[_queries, _events])
        {
            try
            {
                var written = await file.FlushAsync().ConfigureAwait(false);
                if (written == 0) continue;
                Interlocked.Add(ref _written, written);
                if (_failing)
                {
                    _failing = false;
                    BehaviorLogMessages.WriteRecovered(_logger, Folder, Interlocked.Read(ref _droppedWriteFailed) - _droppedAtFailureStart);
                }
            }
            catch (Exception ex)
            {
                Failed(file, ex, alsoLost: 0);
            }
        }
    }

    /// <summary>The file's unflushed records are lost with it; the next record tries a fresh file after <see cref="RetryDelay"/>.</summary>
    private void Failed(LogFile file, Exception error, int alsoLost)
    {
        var before = Interlocked.Read(ref _droppedWriteFailed);
        Interlocked.Add(ref _droppedWriteFailed, file.Abandon() + alsoLost);
        Volatile.Write(ref _lastError, error.Message);
        _retryAt = _time.GetUtcNow() + RetryDelay;
        if (_failing) return;
        _failing = true;
        _droppedAtFailureStart = before;
        BehaviorLogMessages.WriteFailed(_logger, error, Folder, error.Message, RetryDelay);
    }

    private static Stream OpenAppend(string path) =>
        new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024, useAsync: true);

    /// <summary>A queued line for <paramref name="File"/>, or (with <paramref name="Flushed"/>) a flush request.</summary>
    private readonly record struct Entry(LogFile? File, byte[] Line, TaskCompletionSource? Flushed);
}
