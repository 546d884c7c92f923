namespace ProductSearch.AspNetCore;

/// <summary>What a host knows about its engine: open and serving, or why not.</summary>
/// <param name="IsAvailable">Whether the index is open and searches can run.</param>
/// <param name="Reason">Why searches cannot run (the index or model error); <c>null</c> when available.</param>
/// <param name="IndexPath">The configured index folder, as a full path.</param>
/// <param name="ProductCount">Products in the open index.</param>
/// <param name="Generation">The index commit that is open.</param>
/// <param name="BuiltAt">When that commit was built (UTC).</param>
/// <param name="Model">The query model's name.</param>
/// <param name="Device">Where the query model runs (<c>cpu</c>, <c>cuda:N</c>).</param>
/// <param name="OpenedAt">When the engine was opened, or the attempt failed (UTC); <c>null</c> before the first attempt.</param>
public sealed record SearchEngineStatus(
    bool IsAvailable,
    string? Reason,
    string IndexPath,
    long? ProductCount,
    long? Generation,
    DateTimeOffset? BuiltAt,
    string? Model,
    string? Device,
    DateTimeOffset? OpenedAt);
