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
        => Digest(folder, new Dictionary<string, CarriedFile>(), cancellationToken);

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
    /// Files a generation never writes in place, so the next generation may share them by hard link: Lucene's files
    /// (a segment, its deletions and <c>segments_N</c> are written once under new names; only <c>segments.gen</c> is
    /// rewritten, so it is copied), the HNSW graph and its delta (each saved into a new file renamed over the old name)
    /// and the product store's base (opened read-only by every commit after the one that wrote it; a merge writes a new
    /// file renamed over the name). Everything else (the product store's delta, a LiteDB file written in place; the
    /// small JSON and rules files) is copied.
    /// </summary>
    public static bool IsShareable(string relativePath) =>
        relativePath is "products.db" or "vectors.usearch" or Vector.LayeredVectorIndex.DeltaFileName or Vector.LayeredVectorIndex.SupersededFileName
        || (relativePath.StartsWith("lexical/", StringComparison.Ordinal) && Path.GetFileName(relativePath) != "segments.gen");

    /// <summary>
    /// Brings the files of <paramref name="source"/> into <paramref name="destination"/> for the next generation:
    /// shareable files (<see cref="IsShareable"/>) by hard link, the others copied, each checked against
    /// <paramref name="recorded"/>. A copied file is hashed in the pass that copies it. A linked file is hashed (read
    /// only) unless its length and modification time are the ones recorded when an earlier commit hashed it (see
    /// <see cref="IndexManifest.FileDigest.WrittenAt"/>): a file changed since — damaged, cut short, replaced — is
    /// hashed again and refused when it differs; silent decay of the medium under an unchanged time is what
    /// <see cref="IndexVerifier"/>'s full pass (and the graph's own checksum on every load) is for. Lock files are left behind.
    /// </summary>
    public static CarriedFiles CarryForward(string source, string destination, IReadOnlyDictionary<string, IndexManifest.FileDigest>? recorded,
        CancellationToken cancellationToken = default)
    {
        var result = new CarriedFiles();
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = RelativePath(source, file);
            if (IsLockFile(relative)) continue;
            seen.Add(relative);
            var target = Path.Combine(destination, relative);
            IndexManifest.FileDigest? digest = null;
            if (recorded is not null && !recorded.TryGetValue(relative, out digest)) digest = null;
            if (IsShareable(relative))
            {
                var length = new FileInfo(file).Length;
                var modified = File.GetLastWriteTimeUtc(file);
                if (digest is not null && !(digest.WrittenAt == modified && digest.Length == length))
                {
                    string sha;
                    using (var input = OpenRead(file)) sha = Hash(input, null, cancellationToken);
                    if (Problem(file, relative, digest, () => (length, sha)) is { } problem) { result.Problems.Add(problem); continue; }
                }
                if (HardLinks.TryCreate(file, target) is not { } refused)
                {
                    if (digest is not null) result.Linked[relative] = new CarriedFile(digest, length, modified);
                    result.LinkedBytes += length;
                    continue;
                }
                result.LinkRefused ??= refused; // copied below, like any other file
            }
            using (var input = OpenRead(file))
            using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                var sha = Hash(input, output, cancellationToken);
                result.CopiedBytes += input.Length;
                if (digest is not null && Problem(file, relative, digest, () => (input.Length, sha)) is { } problem)
                    result.Problems.Add(problem);
            }
        }
        if (recorded is not null)
            foreach (var missing in recorded.Keys.Where(k => !seen.Contains(k)))
                result.Problems.Add($"'{missing}' is missing");
        return result;
    }

    /// <summary>
    /// As <see cref="Digest(string, CancellationToken)"/>, but a file still linked as <paramref name="linked"/> records it
    /// (same length and modification time: it was not replaced) keeps the digest it was carried with instead of being
    /// hashed again: a commit hashes what it wrote, not what it shares. A digest records the file's modification time
    /// only when that time is safely past (see <see cref="TrustedAge"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, IndexManifest.FileDigest> Digest(string folder, IReadOnlyDictionary<string, CarriedFile> linked,
        CancellationToken cancellationToken = default)
    {
        var digests = new SortedDictionary<string, IndexManifest.FileDigest>(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = RelativePath(folder, file);
            if (IsLockFile(relative)) continue;
            var modified = File.GetLastWriteTimeUtc(file);
            var length = new FileInfo(file).Length;
            string sha;
            if (linked.TryGetValue(relative, out var carried) && carried.Length == length && carried.Modified == modified) sha = carried.Digest.Sha256;
            else
            {
                using var stream = OpenRead(file);
                sha = Hash(stream, null, cancellationToken);
            }
            digests[relative] = new IndexManifest.FileDigest(length, sha) { WrittenAt = now - modified > TrustedAge ? modified : null };
        }
        return digests;
    }

    /// <summary>
    /// How old a file's modification time must be before a digest vouches for it by that time. File systems stamp
    /// times from a coarse clock (a few milliseconds; seconds on some), so a file changed again within the same tick
    /// would keep its time; a file written just before the commit is hashed again by the next writer instead (as git
    /// treats "racily clean" files).
    /// </summary>
    private static readonly TimeSpan TrustedAge = TimeSpan.FromSeconds(2);

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

/// <summary>A file linked into the next generation: the digest it was committed with, and its length and time when linked.</summary>
internal sealed record CarriedFile(IndexManifest.FileDigest Digest, long Length, DateTime Modified);

/// <summary>What <see cref="GenerationFiles.CarryForward"/> did.</summary>
internal sealed class CarriedFiles
{
    /// <summary>What differs from the record (a file missing, cut short, or with other contents); empty when nothing does.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The files shared by hard link with a recorded digest, by relative path.</summary>
    public Dictionary<string, CarriedFile> Linked { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the file system refused a hard link (the files were copied instead); <c>null</c> when it never did.</summary>
    public string? LinkRefused { get; set; }

    /// <summary>Bytes shared by link.</summary>
    public long LinkedBytes { get; set; }

    /// <summary>Bytes copied.</summary>
    public long CopiedBytes { get; set; }
}
