namespace ProductSearch.Cluster;

/// <summary>How a request to the cluster treats slow and missing shards.</summary>
public sealed record ClusterRequestOptions
{
    /// <summary>The default: no partial results, a 5-second budget, a hedge to another replica after 150 ms, a resend when a gateway is lost.</summary>
    public static ClusterRequestOptions Default { get; } = new();

    /// <summary>
    /// Whether an answer may leave out shards that cannot answer (their products are then missing from it). Off by
    /// default: a search that cannot reach every shard fails with <see cref="ShardUnavailableException"/> naming them.
    /// </summary>
    public bool AllowPartialResults { get; init; }

    /// <summary>The most the whole request may take; past it the request fails naming the shards still outstanding.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a shard's replica may take before the same call goes to the shard's next replica as well (the first answer wins).</summary>
    public TimeSpan HedgeAfter { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How long the client waits for an answer before sending the request again. A request is also sent again at once
    /// when a gateway connection is lost (Orleans fails a request caught on a dead connection only at its 30 s response
    /// timeout). The first answer wins; reads and writes of whole products are both safe to send twice. Default: 5 s,
    /// the budget — a slow answer is not resent, so an overloaded cluster is not sent its slow requests twice.
    /// </summary>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks the options, naming the first wrong one.</summary>
    /// <exception cref="ArgumentException">A time is not positive, or the hedge is not within the budget.</exception>
    public void Validate()
    {
        if (Budget <= TimeSpan.Zero || Budget > TimeSpan.FromMinutes(5)) throw new ArgumentException("Budget must be more than 0 and at most 5 minutes.", nameof(Budget));
        if (HedgeAfter <= TimeSpan.Zero || HedgeAfter > Budget) throw new ArgumentException("HedgeAfter must be more than 0 and at most the budget.", nameof(HedgeAfter));
        if (ResendAfter <= TimeSpan.Zero || ResendAfter > Budget) throw new ArgumentException("ResendAfter must be more than 0 and at most the budget.", nameof(ResendAfter));
    }
}
