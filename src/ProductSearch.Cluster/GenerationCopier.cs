using System.Security.Cryptography;
using ProductSearch.Indexing;

namespace ProductSearch.Cluster;

/// <summary>
/// Makes a replica by copying a shard's committed generation: its generation folder byte for byte, each file checked
/// against the SHA-256 and length its manifest records, then the manifest itself, renamed into place last — the same
/// order a commit follows, so an engine on the copy sees the old generation or the new one, never half of one. Nothing
/// is re-embedded: replicas stay byte-identical to the shard, and so score identically.
/// </summary>
internal static class GenerationCopier
{
    private const int Attempts = 3;

    /// <summary>
    /// Brings <paramref name="destination"/> to the generation <paramref name="source"/> has committed (no-op when it
    /// already holds it or a newer one).
    /// </summary>
    /// <returns>The generation the copy holds.</returns>
    /// <exception cref="IndexException">The source is missing or damaged (a file differs from its manifest), named.</exception>
    public static long CopyCurrent(string source, string destination, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sourceLayout = new IndexLayout(source);
            var target = new IndexLayout(destination);
            // The manifest's bytes are read once and drive the whole copy: the copy's manifest is the writer's, byte for byte.
            var (manifestBytes, manifest) = ReadManifestBytes(sourceLayout, target);
            if (target.HasManifest && target.ReadManifest().Generation >= manifest.Generation) return target.ReadManifest().Generation;
            try
            {
                Copy(sourceLayout, target, manifest, manifestBytes, cancellationToken);
                return manifest.Generation;
            }
            // A writer committed again and removed the generation being copied: copy the new one.
            catch (Exception ex) when (attempt < Attempts && ex is FileNotFoundException or DirectoryNotFoundException
                                           && sourceLayout.ReadManifest().Generation != manifest.Generation)
            {
            }
        }
    }

    private static (byte[] Bytes, IndexManifest Manifest) ReadManifestBytes(IndexLayout source, IndexLayout target)
    {
        source.ReadManifest(); // names a missing or unreadable shard
        var bytes = File.ReadAllBytes(source.ManifestPath);
        // Parsed by the core's own reader, from a scratch folder holding exactly these bytes.
        var scratch = new IndexLayout(Path.Combine(target.Root, ".incoming"));
        Directory.CreateDirectory(scratch.Root);
        File.WriteAllBytes(scratch.ManifestPath, bytes);
        return (bytes, scratch.ReadManifest());
    }

    private static void Copy(IndexLayout source, IndexLayout target, IndexManifest manifest, byte[] manifestBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target.Root);
        var from = source.GenerationFolder(manifest.Generation);
        var into = target.GenerationFolder(manifest.Generation);
        var temporary = into + ".copying-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var problems = new List<string>();
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
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
                throw new IndexException(ProductSearchErrorReason.DamagedIndex, source.Root, $"Shard '{source.Root}' generation {manifest.Generation} differs from its manifest: {string.Join(", ", problems.Take(5))}.");
            if (Directory.Exists(into)) Directory.Delete(into, recursive: true);
            Directory.Move(temporary, into);
            var manifestCopy = target.ManifestPath + ".copying";
            File.WriteAllBytes(manifestCopy, manifestBytes);
            File.Move(manifestCopy, target.ManifestPath, overwrite: true);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        RemoveOldGenerations(target, manifest.Generation);
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

    // Keeps the generation before the current one: an engine may still be reading it until its next refresh.
    private static void RemoveOldGenerations(IndexLayout target, long current)
    {
        foreach (var folder in Directory.EnumerateDirectories(target.Root, "gen-*"))
        {
            var name = Path.GetFileName(folder);
            if (long.TryParse(name.AsSpan(4), out var generation) && generation < current - 1)
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { } // a reader still holds it open: the next copy removes it
            }
        }
    }
}
