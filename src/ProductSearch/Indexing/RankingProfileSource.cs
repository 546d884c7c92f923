using Microsoft.Extensions.Logging;
using ProductSearch.Ranking;

namespace ProductSearch.Indexing;

/// <summary>
/// The ranking profile an engine uses for requests that bring none: a fixed one from the options, or the index's
/// <c>ranking-profile.json</c> (else <see cref="RankingProfile.Default"/>), re-read when the file changes. The profile
/// is not part of a snapshot: a file that cannot be read is reported once and the last good profile (or the default)
/// stays in use — a bad profile never makes the engine reopen the index.
/// </summary>
internal sealed class RankingProfileSource
{
    private readonly string _indexPath;
    private readonly RankingProfile? _fixed;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly WatchedFile _file;
    private (RankingProfile Profile, long Version) _current;

    public RankingProfileSource(string indexPath, RankingProfile? fixedProfile, ILogger logger)
    {
        _indexPath = indexPath;
        _fixed = fixedProfile;
        _logger = logger;
        _file = new WatchedFile(RankingProfileStore.PathOf(indexPath));
        _current = (fixedProfile ?? RankingProfile.Default, 0);
        Refresh();
    }

    /// <summary>The profile in use, with a number that changes whenever the profile does (for cache keys).</summary>
    public (RankingProfile Profile, long Version) Current
    {
        get { lock (_gate) return _current; }
    }

    /// <summary>Reads the profile file again if it changed since the last look.</summary>
    /// <returns>Whether the profile in use changed.</returns>
    public bool Refresh()
    {
        if (_fixed is not null) return false;
        lock (_gate)
        {
            if (!_file.Changed()) return false;
            RankingProfile next;
            try
            {
                next = RankingProfileStore.Read(_indexPath) ?? RankingProfile.Default;
            }
            catch (Exception ex) when (ex is RankingProfileException or IOException or UnauthorizedAccessException)
            {
                // Once per version of the file: its stamp is remembered, so the same bad file is not read again.
                EngineLog.ProfileRejected(_logger, ex.Message, _current.Version == 0 ? "the built-in default" : "the last valid profile");
                return false;
            }
            if (next == _current.Profile) return false;
            _current = (next, _current.Version + 1);
        }
        if (_file.Exists) EngineLog.ProfileLoaded(_logger, _file.Path);
        return true;
    }
}
