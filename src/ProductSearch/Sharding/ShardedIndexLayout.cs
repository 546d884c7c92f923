using System.Globalization;
using System.Text.Json;
using ProductSearch.Indexing;

namespace ProductSearch.Sharding;

/// <summary>
/// Where the parts of a sharded index lie: <c>cluster.json</c> (<see cref="ClusterManifest"/>), <c>generations.json</c>
/// (<see cref="ClusterGenerations"/>) and one ordinary index folder per shard, <c>shard-000</c>, <c>shard-001</c>…
/// </summary>
public sealed class ShardedIndexLayout
{
    /// <summary>A layout at <paramref name="root"/>.</summary>
    public ShardedIndexLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>Path of <c>cluster.json</c>.</summary>
    public string ManifestPath => Path.Combine(Root, ClusterManifest.FileName);

    /// <summary>Path of <c>generations.json</c>.</summary>
    public string GenerationsPath => Path.Combine(Root, ClusterGenerations.FileName);

    /// <summary>Whether the folder holds a sharded index.</summary>
    public bool Exists => File.Exists(ManifestPath);

    /// <summary>Whether <paramref name="path"/> holds a sharded index (a <c>cluster.json</c>).</summary>
    public static bool IsSharded(string path) => File.Exists(Path.Combine(path, ClusterManifest.FileName));

    /// <summary>The index folder of shard <paramref name="shard"/> (0-based).</summary>
    public string ShardFolder(int shard) => Path.Combine(Root, "shard-" + shard.ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>Reads <c>cluster.json</c>.</summary>
    /// <exception cref="IndexException">There is no sharded index here, or the file is damaged or of a newer format.</exception>
    public ClusterManifest ReadManifest()
    {
        var manifest = Read<ClusterManifest>(ManifestPath, "holds no sharded index (no cluster.json)");
        if (manifest.Format != ClusterManifest.CurrentFormat)
            throw new IncompatibleIndexException(IndexIncompatibility.OtherLayout, Root,
                $"Sharded index '{Root}' is of format {manifest.Format}; this version reads format {ClusterManifest.CurrentFormat}.");
        if (manifest.ShardCount is < 1 or > ClusterManifest.MaxShards || manifest.Routing != ShardRouter.Method)
            throw IndexException.Damaged(Root, $"'{ManifestPath}' is not a valid cluster manifest (shard count {manifest.ShardCount}, routing '{manifest.Routing}').");
        return manifest;
    }

    /// <summary>Reads <c>generations.json</c>.</summary>
    /// <exception cref="IndexException">The index has no commit yet, or the file is damaged.</exception>
    public ClusterGenerations ReadGenerations() => Read<ClusterGenerations>(GenerationsPath, "holds no committed sharded index (no generations.json)");

    /// <summary>Writes <c>generations.json</c> atomically and durably.</summary>
    internal void WriteGenerations(ClusterGenerations generations) =>
        DurableFiles.ReplaceAtomically(GenerationsPath, stream => JsonSerializer.Serialize(stream, generations, IndexManifest.JsonOptions));

    /// <summary>Writes <c>cluster.json</c> atomically and durably.</summary>
    internal void WriteManifest(ClusterManifest manifest) =>
        DurableFiles.ReplaceAtomically(ManifestPath, stream => JsonSerializer.Serialize(stream, manifest, IndexManifest.JsonOptions));

    private T Read<T>(string path, string missing)
    {
        if (!File.Exists(path)) throw IndexException.NotFound(Root, $"Folder '{Root}' {missing}.");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), IndexManifest.JsonOptions) ?? throw IndexException.Damaged(Root, $"'{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw IndexException.Damaged(Root, $"'{path}' cannot be read ({ex.Message}).", ex);
        }
    }
}
