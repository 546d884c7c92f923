using ProductSearch.Indexing;

namespace ProductSearch.Sharding;

/// <summary>
/// A shard was asked to read a cluster generation that is no longer current (a newer one was committed and the
/// shard's old commit is not open here): the search should start again on the current one (<see cref="Current"/>).
/// </summary>
public sealed class ClusterGenerationMovedException : IndexException
{
    /// <summary>The error for <paramref name="indexPath"/>: <paramref name="requested"/> asked, <paramref name="current"/> current.</summary>
    public ClusterGenerationMovedException(string indexPath, long requested, long current)
        : base(ProductSearchErrorReason.IndexBusy, indexPath,
            $"Sharded index '{indexPath}' was asked for cluster generation {requested}, but generation {current} is current; search again.")
    {
        Requested = requested;
        Current = current;
    }

    /// <summary>The generation asked for.</summary>
    public long Requested { get; }

    /// <summary>The current generation.</summary>
    public long Current { get; }
}
