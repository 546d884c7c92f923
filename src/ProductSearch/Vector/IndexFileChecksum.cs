using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ProductSearch.Vector;

/// <summary>
/// Appends and verifies a SHA-256 trailer on index files. USearch validates the header and notices truncation,
/// but it trusts the graph bytes: a flipped byte in a neighbour list makes it read out of bounds and kill the
/// process (reproduced with 2.26.6). Verifying the whole file before handing it to native code turns any
/// corruption into a <see cref="VectorIndexException"/>. USearch ignores bytes after its own data, so files
/// with the trailer still load in other USearch bindings. This guards against accidents, not tampering.
/// </summary>
/// <remarks>Layout: [USearch bytes][SHA-256 of them: 32][their length, int64 LE: 8][magic: 8].</remarks>
internal static class IndexFileChecksum
{
    private const int HashSize = 32;
    private const int TrailerSize = HashSize + 8 + 8;
    private const ulong Magic = 0x31304D5553435350; // "PSCSUM01" little-endian

    /// <summary>Appends the trailer to a file that holds exactly what <c>usearch_save</c> wrote.</summary>
    public static void Append(string path) => WrapIo(path, "writing the index checksum", () =>
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var length = file.Length;
        Span<byte> trailer = stackalloc byte[TrailerSize];
        SHA256.HashData(file, trailer[..HashSize]);
        BinaryPrimitives.WriteInt64LittleEndian(trailer.Slice(HashSize, 8), length);
        BinaryPrimitives.WriteUInt64LittleEndian(trailer.Slice(HashSize + 8, 8), Magic);
        file.Seek(0, SeekOrigin.End);
        file.Write(trailer);
        file.Flush(flushToDisk: true); // the rename that follows must not publish a file still in the page cache only
        return 0L;
    });

    /// <summary>Checks the trailer and hash; returns the length of the USearch part of the file.</summary>
    public static long Verify(string path) => WrapIo(path, "verifying the index file", () =>
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (file.Length < TrailerSize)
        {
            throw Damaged(path, $"file is only {file.Length} bytes");
        }

        Span<byte> trailer = stackalloc byte[TrailerSize];
        file.Seek(-TrailerSize, SeekOrigin.End);
        file.ReadExactly(trailer);
        if (BinaryPrimitives.ReadUInt64LittleEndian(trailer.Slice(HashSize + 8, 8)) != Magic)
        {
            throw Damaged(path, "checksum trailer missing (truncated, or not written by UsearchIndex.Save)");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(trailer.Slice(HashSize, 8));
        if (length != file.Length - TrailerSize)
        {
            throw Damaged(path, $"file is {file.Length} bytes but its trailer describes {length + TrailerSize}");
        }

        file.Seek(0, SeekOrigin.Begin);
        Span<byte> actual = stackalloc byte[HashSize];
        HashPrefix(file, length, actual);
        if (!actual.SequenceEqual(trailer[..HashSize]))
        {
            throw Damaged(path, "checksum mismatch, the file is corrupt");
        }

        return length;
    });

    // Permission problems, a directory in place of the file and the like get the same exception type and path.
    private static long WrapIo(string path, string operation, Func<long> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VectorIndexException(operation, ex.Message, path, ex);
        }
    }

    private static void HashPrefix(Stream stream, long length, Span<byte> hash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (var left = length; left > 0;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                sha.AppendData(buffer, 0, read);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        sha.GetHashAndReset(hash);
    }

    private static VectorIndexException Damaged(string path, string why) =>
        new("verifying the index file", why, path);
}
