using Microsoft.Extensions.Logging;

namespace ProductSearch.Indexing;

/// <summary>
/// The one owner of an engine's index snapshots, after Lucene's <c>ReferenceManager</c>: hands out the current
/// snapshot to searches (counted, so a refresh never closes one a search still reads), moves to a newer commit
/// when the manifest names one, and closes everything on dispose. Acquiring from a closed manager throws
/// <see cref="ObjectDisposedException"/>; a snapshot whose count reached zero is never handed out. Refreshes run
/// in the background when due; a failed one is logged and retried at growing intervals, never in a tight loop.
/// </summary>
internal sealed class SnapshotManager : IDisposable
{
    private readonly IndexLayout _layout;
    private readonly Action<IndexSnapshot> _check;
    private readonly RefreshSchedule _schedule;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private IndexSnapshot _current;
    private int _refreshing;
    private volatile bool _closed;
    private string? _lastFailure;

    private SnapshotManager(IndexLayout layout, IndexSnapshot first, Action<IndexSnapshot> check, RefreshSchedule schedule, ILogger logger)
    {
        _layout = layout;
        _current = first;
        _check = check;
        _schedule = schedule;
        _logger = logger;
    }

    /// <summary>Raised after the manager moved to a newer snapshot (on the thread that refreshed).</summary>
    public event Action<IndexSnapshot>? Changed;

    /// <summary>
    /// Opens the index's current commit. <paramref name="check"/> vets every snapshot before it is handed out (e.g. that
    /// it was built with the engine's model) and throws when it cannot be used.
    /// </summary>
    /// <exception cref="IndexException">The index is missing, damaged or does not fit.</exception>
    public static SnapshotManager Open(IndexLayout layout, Action<IndexSnapshot> check, TimeSpan refreshInterval, TimeProvider time, ILogger logger)
    {
        var first = IndexSnapshot.Open(layout);
        try
        {
            check(first);
        }
        catch
        {
            first.Release();
            throw;
        }
        return new SnapshotManager(layout, first, check, new RefreshSchedule(refreshInterval, time), logger);
    }

    /// <summary>The current snapshot's manifest (not a reference: for reporting, not for reading the stores).</summary>
    public IndexManifest Manifest => Volatile.Read(ref _current).Manifest;

    /// <summary>Takes the current snapshot for one search, starting a background refresh first when one is due.</summary>
    /// <exception cref="ObjectDisposedException">The manager is closed.</exception>
    public SnapshotLease Acquire()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        MaybeRefreshInBackground();
        while (true)
        {
            // A snapshot at zero references was swapped out (or the manager closed) between the read and the take.
            ObjectDisposedException.ThrowIf(_closed, this);
            var snapshot = Volatile.Read(ref _current);
            if (snapshot.TryAcquire()) return new SnapshotLease(snapshot);
        }
    }

    /// <summary>Moves to the index's newest commit if the manifest names another one; searches already running finish on theirs.</summary>
    /// <returns>Whether a newer snapshot was opened.</returns>
    /// <exception cref="IndexException">The newer commit cannot be opened; the current one stays.</exception>
    /// <exception cref="ObjectDisposedException">The manager is closed.</exception>
    public bool Refresh()
    {
        IndexSnapshot next;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            var current = _current;
            var manifest = _layout.ReadManifest();
            if (manifest.Generation == current.Manifest.Generation) return false;
            next = IndexSnapshot.Open(_layout);
            try
            {
                _check(next);
            }
            catch
            {
                next.Release();
                throw;
            }
            Volatile.Write(ref _current, next);
            current.Release();
        }
        EngineLog.MovedToGeneration(_logger, next.Manifest.Generation, _layout.Root, next.Manifest.ProductCount);
        Changed?.Invoke(next);
        return true;
    }

    private void MaybeRefreshInBackground()
    {
        if (!_schedule.IsDue || Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        _schedule.Succeeded(); // not due again while this one runs
        // A thread of its own, not the thread pool: when busy searches hold every pool thread (a loaded storefront,
        // a parallel test run), a queued refresh could wait for many seconds and the engine would lag far behind.
        _ = Task.Factory.StartNew(RefreshAndLog, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void RefreshAndLog()
    {
        try
        {
            Refresh();
            _schedule.Succeeded();
            _lastFailure = null;
        }
        catch (ObjectDisposedException)
        {
            // Closed while the refresh was starting: nothing to move to.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A half-visible or damaged newer commit must not break searches on the current one: keep it, say so once
            // per distinct failure, and look again later.
            var delay = _schedule.Failed();
            if (ex.Message != _lastFailure) EngineLog.RefreshFailed(_logger, ex, _layout.Root, ex.Message, delay);
            else EngineLog.RefreshStillFailing(_logger, _layout.Root, delay);
            _lastFailure = ex.Message;
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Closes the manager: later acquires throw; the last snapshot closes when the searches still on it finish.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            _current.Release();
        }
    }
}
