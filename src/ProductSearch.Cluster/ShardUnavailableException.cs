namespace ProductSearch.Cluster;

/// <summary>
/// Some shards of the cluster could not answer a request that needed them (no replica warm, their folder missing or
/// damaged, or the request's budget spent): the message names each shard and why. An HTTP host answers 503.
/// </summary>
public sealed class ShardUnavailableException : ProductSearchException
{
    /// <summary>Creates the exception for <paramref name="shards"/>, with <paramref name="reason"/> saying what kind of failure it is.</summary>
    public ShardUnavailableException(ProductSearchErrorReason reason, IReadOnlyList<int> shards, string message) : base(reason, message) => Shards = shards;

    /// <summary>The shards that did not answer.</summary>
    public IReadOnlyList<int> Shards { get; }
}
