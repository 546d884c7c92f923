namespace ProductSearch.Vector;

/// <summary>
/// A vector-index operation failed. The message carries the reason (USearch's own error text for native
/// failures), the operation being attempted and, for file operations, the path.
/// </summary>
public sealed class VectorIndexException : ProductSearchException
{
    /// <summary>Creates an exception with a default message.</summary>
    public VectorIndexException()
        : base(ProductSearchErrorReason.StorageFailed, "Vector index operation failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What failed and why.</param>
    public VectorIndexException(string message)
        : base(ProductSearchErrorReason.StorageFailed, message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What failed and why.</param>
    /// <param name="innerException">The underlying failure.</param>
    public VectorIndexException(string message, Exception? innerException)
        : base(ProductSearchErrorReason.StorageFailed, message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed operation.</summary>
    /// <param name="operation">What we were doing, phrased to follow "while", e.g. "loading the index".</param>
    /// <param name="reason">USearch's error text, or the check that failed.</param>
    /// <param name="path">The file involved, if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public VectorIndexException(string operation, string? reason, string? path, Exception? innerException = null)
        : base(path is null ? ProductSearchErrorReason.StorageFailed : ProductSearchErrorReason.DamagedIndex, Format(operation, reason, path), innerException)
    {
        Operation = operation;
        Detail = reason;
        Path = path;
    }

    /// <summary>What we were doing when the failure happened, when known.</summary>
    public string? Operation { get; }

    /// <summary>USearch's own error text for native failures, or a description of the check that failed.</summary>
    public string? Detail { get; }

    /// <summary>The file involved, for save and load failures.</summary>
    public string? Path { get; }

    private static string Format(string operation, string? reason, string? path)
    {
        var where = path is null ? string.Empty : $" '{path}'";
        var why = string.IsNullOrEmpty(reason) ? "unknown error" : reason;
        return $"Vector index failed while {operation}{where}: {why}";
    }
}
