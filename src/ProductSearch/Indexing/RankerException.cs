namespace ProductSearch.Indexing;

/// <summary>
/// An index's learned ranker (<c>ranker.json</c>) that cannot be used: not a valid ranker file
/// (<see cref="ProductSearchErrorReason.InvalidInput"/>), or trained on features this version no longer computes
/// (<see cref="ProductSearchErrorReason.IncompatibleRanker"/>: retrain it). The message names the file and the fault.
/// </summary>
public sealed class RankerException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public RankerException(ProductSearchErrorReason reason, string path, string message, Exception? inner = null)
        : base(reason, message, inner) => Path = path;

    /// <summary>The ranker file.</summary>
    public string Path { get; }
}
