using System.Security.Cryptography;
using ProductSearch.Indexing;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>
/// A silo's copy of the sharded index, holding only the shards placed on it: the cluster's <c>cluster.json</c>, each
/// held shard's committed generation folders (byte for byte, each file checked against the SHA-256 and length its
/// manifest records) and, moved into place last, the cluster's <c>generations.json</c> — so the copy is always one
/// whole cluster generation, as the cluster folder is. Nothing is re-embedded: replicas stay byte-identical to the
/// shards, and so score identically.
/// </summary>
internal static class ReplicaFolder
{
    private const int Attempts = 5;

    /// <summary>
    /// Brings <paramref name="replicaPath"/> to the cluster generation <paramref name="clusterPath"/> has committed,
    /// for <paramref name="shards"/> (no-op when it already holds that generation of each).
    /// </summary>
    /// <returns>
    /// The cluster generation the copy holds, and the shards that could not be copied with why (a shard's damage stays
    /// that shard's: the others are copied and served).
    /// </returns>
    /// <exception cref="IndexException">The cluster folder itself is missing or unreadable, named.</exception>
    public static (long Generation, IReadOnlyDictionary<int, ProductSearchException> Failures) CatchUp(string clusterPath, string replicaPath,
        IReadOnlyCollection<int> shards, CancellationToken cancellationToken)
    {
        var source = new ShardedIndexLayout(clusterPath);
        var target = new ShardedIndexLayout(replicaPath);
        for (var attempt = 1; ; attempt++)
        {
            // generations.json's bytes are read once and drive the copy; they are what the copy's generations.json holds.
            var bytes = File.Exists(source.GenerationsPath) ? File.ReadAllBytes(source.GenerationsPath) : null;
            source.ReadManifest(); // names a missing or unreadable cluster folder
            var generations = bytes is null ? source.ReadGenerations() : Parse(bytes, replicaPath);
            try
            {
                Directory.CreateDirectory(target.Root);
                if (!File.Exists(target.ManifestPath)) CopyFile(source.ManifestPath, target.ManifestPath);
                var failures = new Dictionary<int, ProductSearchException>();
                foreach (var shard in shards)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (shard >= generations.Shards.Count)
                            throw new IndexException(ProductSearchErrorReason.IndexNotFound, source.Root, $"Sharded index '{source.Root}' has no shard {shard}.");
                        CopyGeneration(new IndexLayout(source.ShardFolder(shard)), new IndexLayout(target.ShardFolder(shard)), generations.Shards[shard], cancellationToken);
                    }
                    catch (ProductSearchException ex)
                    {
                        failures[shard] = ex;
                    }
                    catch (DirectoryNotFoundException ex) when (source.ReadGenerations().Generation == generations.Generation)
                    {
                        failures[shard] = new IndexException(ProductSearchErrorReason.DamagedIndex, source.ShardFolder(shard),
                            $"Shard {shard} of '{source.Root}' lacks the generation {generations.Shards[shard].Generation} its cluster generation names ({ex.Message}).", ex);
                    }
                }
                var current = File.Exists(target.GenerationsPath) ? target.ReadGenerations().Generation : -1;
                if (current != generations.Generation)
                {
                    var temporary = target.GenerationsPath + ".copying";
                    File.WriteAllBytes(temporary, bytes!);
                    File.Move(temporary, target.GenerationsPath, overwrite: true);
                }
                foreach (var shard in shards.Where(s => !failures.ContainsKey(s)))
                    RemoveOldGenerations(new IndexLayout(target.ShardFolder(shard)), generations.Shards[shard].Generation);
                return (generations.Generation, failures);
            }
            // A writer committed again and removed a generation being copied: copy the new cluster generation.
            catch (Exception ex) when (attempt < Attempts && ex is FileNotFoundException or DirectoryNotFoundException
                                           && source.ReadGenerations().Generation != generations.Generation)
            {
            }
        }
    }

    /// <summary>The cluster generation <paramref name="replicaPath"/> holds, or <c>null</c> before its first copy.</summary>
    public static long? Generation(string replicaPath)
    {
        var layout = new ShardedIndexLayout(replicaPath);
        return File.Exists(layout.GenerationsPath) ? layout.ReadGenerations().Generation : null;
    }

    // Parsed by the core's own reader, from a scratch folder holding exactly these bytes.
    private static ClusterGenerations Parse(byte[] bytes, string replicaPath)
    {
        var scratch = new ShardedIndexLayout(Path.Combine(replicaPath, ".incoming"));
        Directory.CreateDirectory(scratch.Root);
        File.WriteAllBytes(scratch.GenerationsPath, bytes);
        return scratch.ReadGenerations();
    }

    private static void CopyGeneration(IndexLayout source, IndexLayout target, IndexManifest manifest, CancellationToken cancellationToken)
    {
        var into = target.GenerationFolder(manifest.Generation);
        if (Directory.Exists(into)) return; // copied and checked before (a copy lands by rename only)
        Directory.CreateDirectory(target.Root);
        var from = source.GenerationFolder(manifest.Generation);
        var temporary = into + ".copying-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var problems = new List<string>();
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file).Replace(Path.DirectorySeparatorChar, '/');
                if (Path.GetFileName(relative) is "read.lock" or "write.lock") continue;
                var copy = Path.Combine(temporary, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                var (length, sha256) = CopyHashed(file, copy, cancellationToken);
                if (manifest.Files is { } files && (!files.TryGetValue(relative, out var digest) || digest.Length != length || digest.Sha256 != sha256))
                    problems.Add(relative);
            }
            if (manifest.Files is { } recorded)
                problems.AddRange(recorded.Keys.Where(relative => !File.Exists(Path.Combine(temporary, relative))));
            if (problems.Count > 0)
                throw new IndexException(ProductSearchErrorReason.DamagedIndex, source.Root,
                    $"Shard '{source.Root}' generation {manifest.Generation} differs from its manifest: {string.Join(", ", problems.Take(5))}.");
            Directory.Move(temporary, into);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        // The shard's own manifest too, when it names this generation: an engine opened on the shard folder reads it.
        var sourceManifest = new IndexLayout(source.Root);
        if (sourceManifest.HasManifest && sourceManifest.ReadManifest().Generation == manifest.Generation)
            CopyFile(sourceManifest.ManifestPath, target.ManifestPath);
    }

    private static void CopyFile(string from, string to)
    {
        var temporary = to + ".copying";
        File.Copy(from, temporary, overwrite: true);
        File.Move(temporary, to, overwrite: true);
    }

    private static (long Length, string Sha256) CopyHashed(string from, string to, CancellationToken cancellationToken)
    {
        using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20);
        using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long length = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
            length += read;
        }
        output.Flush(flushToDisk: true);
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    // Keeps the newest generation before the current one: a search may still be reading it until it ends.
    private static void RemoveOldGenerations(IndexLayout shard, long current)
    {
        var older = Directory.EnumerateDirectories(shard.Root, "gen-*")
            .Select(folder => (Folder: folder, Generation: long.TryParse(Path.GetFileName(folder).AsSpan(4), out var g) ? g : long.MaxValue))
            .Where(f => f.Generation < current).OrderByDescending(f => f.Generation).Skip(1);
        foreach (var (folder, _) in older)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { } // still open: the next catch-up removes it
        }
    }
}
