using Microsoft.Extensions.Logging;
using ProductSearch.Ranking;
using ProductSearch.Search;

namespace ProductSearch.Indexing;

/// <summary>
/// The learned second stage an engine uses: the index's <c>ranker.json</c> loaded into a <see cref="LearnedReranker"/>,
/// re-read when the file changes (as the ranking profile is, and outside snapshots: training a ranker is not a commit).
/// A ranker this version cannot use — trained on another feature set, or not a ranker file — is reported once per
/// version of the file and searches keep the fused order; it never stops the engine.
/// </summary>
internal sealed class RankerSource : IDisposable
{
    private readonly CandidateFeatures _features;
    private readonly ILogger _logger;
    private readonly WatchedFile _file;
    private readonly Lock _gate = new();
    private readonly Lock _refreshing = new();
    private (LearnedReranker? Reranker, long Version) _current;

    public RankerSource(string indexPath, CandidateFeatures features, ILogger logger)
    {
        _features = features;
        _logger = logger;
        _file = new WatchedFile(RankerStore.PathOf(indexPath));
        Refresh();
    }

    /// <summary>The ranker in use (<c>null</c> when the index has no usable one), with a number that changes whenever it does (for cache keys).</summary>
    public (LearnedReranker? Reranker, long Version) Current
    {
        get { lock (_gate) return _current; }
    }

    /// <summary>Reads the ranker file again if it changed since the last look.</summary>
    /// <returns>Whether the ranker in use changed.</returns>
    public bool Refresh()
    {
        // One refresh at a time, outside the lock searches read Current under: loading a model takes a while, and a
        // search that finds another one loading goes on with the current ranker rather than wait.
        if (!_refreshing.TryEnter()) return false;
        try
        {
            if (!_file.Changed()) return false;
            var next = _file.Exists ? Load() : null;
            lock (_gate)
            {
                if (next is null && _current.Reranker is null) return false;
                // A replaced ranker is not disposed: searches that started with it may still be scoring.
                _current = (next, _current.Version + 1);
            }
            if (next is not null) EngineLog.RankerLoaded(_logger, _file.Path, next.Stored.Enabled ? "in use" : "stored, not enabled");
            return true;
        }
        finally
        {
            _refreshing.Exit();
        }
    }

    /// <summary>Disposes the ranker in use (the engine does this once its searches have finished).</summary>
    public void Dispose() => Current.Reranker?.Dispose();

    private LearnedReranker? Load()
    {
        try
        {
            var stored = RankerStore.ReadCompatible(Path.GetDirectoryName(_file.Path)!);
            return stored is null ? null : new LearnedReranker(stored, RankerModel.Load(stored.Model, stored.Features.Count), _features);
        }
        catch (Exception ex) when (ex is RankerException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Once per version of the file: its stamp is remembered, so the same file is not read (or reported) again.
            EngineLog.RankerRejected(_logger, ex.Message);
            return null;
        }
    }
}
