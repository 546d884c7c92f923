using System.Security.Cryptography;

namespace ProductSearch.Indexing;

/// <summary>
/// The files of one generation folder as the manifest records them (<see cref="IndexManifest.Files"/>): a SHA-256
/// and length per file, made at commit, checked by <see cref="IndexVerifier"/> and by every writer while it copies
/// the generation it builds on — so a flipped byte inside a LiteDB page or a Lucene file, which those formats do not
/// notice on open, is found before it is searched or copied forward. Lock files are not part of a commit: readers
/// and writers create them at will.
/// </summary>
internal static class GenerationFiles
{
    private const int BufferSize = 1 << 20;

    /// <summary>Whether <paramref name="relativePath"/> is a lock file (a reader's <c>read.lock</c>, Lucene's <c>write.lock</c>).</summary>
    public static bool IsLockFile(string relativePath) => Path.GetFileName(relativePath) is "read.lock" or "write.lock";

    /// <summary>Length and SHA-256 of every file under <paramref name="folder"/> but lock files, by relative path.</summary>
    public static IReadOnlyDictionary<string, IndexManifest.FileDigest> Digest(string folder, CancellationToken cancellationToken = default)
    {
        var digests = new SortedDictionary<string, IndexManifest.FileDigest>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = RelativePath(folder, file);
            if (IsLockFile(relative)) continue;
            using var stream = OpenRead(file);
            digests[relative] = new IndexManifest.FileDigest(stream.Length, Hash(stream, null, cancellationToken));
        }
        return digests;
    }

    /// <summary>What differs between the files under <paramref name="folder"/> and <paramref name="recorded"/>; empty when nothing does.</summary>
    public static IReadOnlyList<string> Check(string folder, IReadOnlyDictionary<string, IndexManifest.FileDigest> recorded,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var (relative, digest) in recorded)
        {
            var path = Path.Combine(folder, relative);
            if (Problem(path, relative, digest, () =>
                {
                    using var stream = OpenRead(path);
                    return (stream.Length, Hash(stream, null, cancellationToken));
                }) is { } problem)
                problems.Add(problem);
        }
        return problems;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> (files copied, never linked: the copy is
    /// written without touching the source), checking each file against <paramref name="recorded"/> on the way, in
    /// the same pass that reads it. Lock files are left behind.
    /// </summary>
    /// <returns>What differs from the record (a file missing, cut short, or with other contents); empty when nothing does or nothing was recorded.</returns>
    public static IReadOnlyList<string> CopyChecked(string source, string destination, IReadOnlyDictionary<string, IndexManifest.FileDigest>? recorded,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = RelativePath(source, file);
            if (IsLockFile(relative)) continue;
            copied.Add(relative);
            using var input = OpenRead(file);
            using var output = new FileStream(Path.Combine(destination, relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
            var sha = Hash(input, output, cancellationToken);
            if (recorded is not null && recorded.TryGetValue(relative, out var digest)
                && Problem(file, relative, digest, () => (input.Length, sha)) is { } problem)
                problems.Add(problem);
        }
        if (recorded is not null)
            foreach (var missing in recorded.Keys.Where(k => !copied.Contains(k)))
                problems.Add($"'{missing}' is missing");
        return problems;
    }

    /// <summary>The problem with one file against its record, or <c>null</c> when it matches.</summary>
    private static string? Problem(string path, string relative, IndexManifest.FileDigest digest, Func<(long Length, string Sha256)> read)
    {
        if (!File.Exists(path)) return $"'{relative}' is missing";
        var (length, sha) = read();
        if (length != digest.Length) return $"'{relative}' is {length:N0} bytes, {digest.Length:N0} when committed";
        return sha == digest.Sha256 ? null : $"'{relative}' does not match the SHA-256 recorded at commit";
    }

    /// <summary>Hashes <paramref name="input"/> from its start, writing what it reads to <paramref name="copy"/> when given.</summary>
    private static string Hash(Stream input, Stream? copy, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
            copy?.Write(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize);

    private static string RelativePath(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');
}
