using System.Text.Json;
using System.Text.Json.Serialization;
using ProductSearch.Ranking;

namespace ProductSearch.Indexing;

/// <summary>
/// Reads and writes an index's ranking profile (<c>ranking-profile.json</c> beside the manifest), which
/// <c>productsearch tune</c> writes and every later search uses.
/// </summary>
public static class RankingProfileStore
{
    private const string FileName = "ranking-profile.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The profile file of the index at <paramref name="indexPath"/>.</summary>
    public static string PathOf(string indexPath) => Path.Combine(indexPath, FileName);

    /// <summary>The index's profile, or <c>null</c> when it has none.</summary>
    /// <exception cref="RankingProfileException">The file exists but is not a valid profile.</exception>
    public static RankingProfile? Read(string indexPath)
    {
        var path = PathOf(indexPath);
        if (!File.Exists(path)) return null;
        try
        {
            var profile = JsonSerializer.Deserialize<RankingProfile>(File.ReadAllBytes(path), Options)
                ?? throw new JsonException("the file is empty");
            profile.Validate();
            return profile;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new RankingProfileException(path, $"'{path}' is not a valid ranking profile ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes the profile atomically (temporary file, flushed, renamed; see <see cref="DurableFiles.ReplaceAtomically"/>).</summary>
    public static void Write(string indexPath, RankingProfile profile)
    {
        profile.Validate();
        DurableFiles.ReplaceAtomically(PathOf(indexPath), stream => JsonSerializer.Serialize(stream, profile, Options));
    }
}
