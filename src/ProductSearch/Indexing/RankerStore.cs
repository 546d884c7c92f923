using System.Text.Json;
using ProductSearch.Ranking;

namespace ProductSearch.Indexing;

/// <summary>
/// Reads and writes an index's learned second-stage ranker (<c>ranker.json</c> beside the manifest and the ranking
/// profile): one JSON file holding the model (base64) with its feature list, training fingerprint and estimate, written
/// atomically, so an engine never reads half a ranker. <c>productsearch train-ranker</c> writes it.
/// </summary>
public static class RankerStore
{
    private const string FileName = "ranker.json";

    /// <summary>The ranker file of the index at <paramref name="indexPath"/>.</summary>
    public static string PathOf(string indexPath) => Path.Combine(indexPath, FileName);

    /// <summary>The index's ranker, or <c>null</c> when it has none. A ranker this version cannot use is returned as it is: see <see cref="StoredRanker.Incompatibility"/>.</summary>
    /// <exception cref="RankerException">The file exists but is not a ranker file.</exception>
    public static StoredRanker? Read(string indexPath)
    {
        var path = PathOf(indexPath);
        return IndexFileJson.Read<StoredRanker>(path, ranker => { if (ranker.Model.Length == 0) throw new JsonException("it holds no model"); },
            (fault, ex) => new RankerException(ProductSearchErrorReason.InvalidInput, path, $"'{path}' is not a valid ranker file ({fault}).", ex));
    }

    /// <summary>The index's ranker when this version can use it, or <c>null</c> when the index has none.</summary>
    /// <exception cref="RankerException">The file is not a ranker file, or the ranker reads features this version no longer computes.</exception>
    public static StoredRanker? ReadCompatible(string indexPath)
    {
        var ranker = Read(indexPath);
        if (ranker?.Incompatibility is { } why)
            throw new RankerException(ProductSearchErrorReason.IncompatibleRanker, PathOf(indexPath), $"The ranker in '{PathOf(indexPath)}' cannot be used: {why}.");
        return ranker;
    }

    /// <summary>Writes the ranker atomically (temporary file, flushed, renamed).</summary>
    public static void Write(string indexPath, StoredRanker ranker)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        IndexFileJson.Write(PathOf(indexPath), ranker);
    }
}
