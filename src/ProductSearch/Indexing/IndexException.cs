namespace ProductSearch.Indexing;

/// <summary>
/// An index folder cannot be used: missing (<see cref="ProductSearchErrorReason.IndexNotFound"/>), damaged
/// (<see cref="ProductSearchErrorReason.DamagedIndex"/>), written by another version or model
/// (<see cref="IncompatibleIndexException"/>), or held by another writer (<see cref="IndexLockedException"/>). The
/// message names the folder or file.
/// </summary>
public class IndexException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public IndexException(ProductSearchErrorReason reason, string indexPath, string message, Exception? inner = null)
        : base(reason, message, inner) => IndexPath = indexPath;

    /// <summary>The index folder concerned.</summary>
    public string IndexPath { get; }

    internal static IndexException NotFound(string indexPath, string message) => new(ProductSearchErrorReason.IndexNotFound, indexPath, message);

    internal static IndexException Damaged(string indexPath, string message, Exception? inner = null) =>
        new(ProductSearchErrorReason.DamagedIndex, indexPath, message, inner);
}
