namespace ProductSearch.Vector;

// Loading and saving index files.
public sealed unsafe partial class UsearchIndex
{
    /// <summary>Loads an index previously written by <see cref="Save"/> fully into memory.</summary>
    /// <param name="path">The index file.</param>
    /// <param name="options">Must match the saved index's dimensions and metric; expansion and thread settings apply to the loaded index.</param>
    /// <returns>The loaded index.</returns>
    /// <exception cref="VectorIndexException">
    /// The file is missing, truncated, corrupt (checksum mismatch) or incompatible with <paramref name="options"/>.
    /// The whole file is hashed before native code reads it, because USearch itself would crash on a damaged graph.
    /// </exception>
    public static UsearchIndex Load(string path, HnswOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new VectorIndexException("loading the index", "file not found", fullPath);
        }

        var length = IndexFileChecksum.Verify(fullPath);
        var native = UsearchFileHeader.Validate(fullPath, options);

        var index = new UsearchIndex(Init(options, native), options, native);
        try
        {
            index.LoadUnlocked(fullPath, length);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The file is USearch's format followed by a SHA-256 trailer that <see cref="Load"/> verifies.</remarks>
    /// <exception cref="VectorIndexException">The native save failed; any previous file at <paramref name="path"/> is left intact.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);

        // Write beside the target and rename, so a crash mid-save never leaves a half-written index behind.
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            Read(() =>
            {
                var needed = (long)Call(&UsearchNative.usearch_serialized_length, "measuring the index");
                nint error = 0;
                UsearchNative.usearch_save(_handle, temporary, &error);
                if (error != 0 && DiskFull(temporary, needed) is { } full)
                    throw new VectorIndexException("saving the index", full.Message, fullPath, full);
                UsearchError.ThrowIfSet(error, "saving the index", fullPath);
            });
            IndexFileChecksum.Append(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    /// <summary>
    /// USearch reports a failed write as "failed to serialize", whatever the cause. When the file system has less room
    /// than the graph needs, the cause was a full disk: say so with an <see cref="IOException"/> carrying ENOSPC, as
    /// .NET's own writes do, so that callers recognise it.
    /// </summary>
    private static IOException? DiskFull(string temporary, long needed)
    {
        try
        {
            var written = File.Exists(temporary) ? new FileInfo(temporary).Length : 0;
            var free = new DriveInfo(System.IO.Path.GetDirectoryName(temporary)!).AvailableFreeSpace;
            return free + written >= needed ? null
                : new IOException($"No space left on device: {needed:N0} bytes needed, {free + written:N0} available.", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void LoadUnlocked(string path, long length)
    {
        nint error = 0;
        UsearchNative.usearch_load(_handle, path, &error);
        UsearchError.ThrowIfSet(error, "loading the index", path);

        // Belt and braces after the checksum: the loaded graph must account for exactly the bytes that were saved.
        var expected = (long)Call(&UsearchNative.usearch_serialized_length, "measuring the loaded index");
        if (expected != length)
        {
            throw new VectorIndexException(
                "loading the index", $"file holds {length} index bytes but its contents describe {expected}", path);
        }

        var dimensions = (long)Call(&UsearchNative.usearch_dimensions, "reading the dimensions");
        if (dimensions != Dimensions)
        {
            throw new VectorIndexException(
                $"Index file '{path}' stores {dimensions}-dimensional vectors, but HnswOptions.Dimensions is {Dimensions}.");
        }

        // Loading sizes capacity to the stored count and thread contexts to the hardware; apply our own limits.
        ResizeUnlocked((long)Call(&UsearchNative.usearch_capacity, "reading the capacity"));
    }
}
