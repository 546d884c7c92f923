using ProductSearch.Ranking;

namespace ProductSearch.Indexing;

/// <summary>
/// Reads and writes an index's ranking profile (<c>ranking-profile.json</c> beside the manifest), which
/// <c>productsearch tune</c> writes and every later search uses.
/// </summary>
public static class RankingProfileStore
{
    private const string FileName = "ranking-profile.json";

    /// <summary>The profile file of the index at <paramref name="indexPath"/>.</summary>
    public static string PathOf(string indexPath) => Path.Combine(indexPath, FileName);

    /// <summary>The index's profile, or <c>null</c> when it has none.</summary>
    /// <exception cref="RankingProfileException">The file exists but is not a valid profile.</exception>
    public static RankingProfile? Read(string indexPath)
    {
        var path = PathOf(indexPath);
        return IndexFileJson.Read<RankingProfile>(path, profile => profile.Validate(),
            (fault, ex) => new RankingProfileException(path, $"'{path}' is not a valid ranking profile ({fault}).", ex));
    }

    /// <summary>Writes the profile atomically (temporary file, flushed, renamed).</summary>
    public static void Write(string indexPath, RankingProfile profile)
    {
        profile.Validate();
        IndexFileJson.Write(PathOf(indexPath), profile);
    }
}
