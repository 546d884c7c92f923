namespace ProductSearch.Behavior;

/// <summary>
/// One search as the OpenSearch User Behavior Insights (UBI) schema records it in its <c>ubi_queries</c> store
/// (schema 1.3.0, <c>query.request.schema.json</c>): who searched, what they typed, and which objects came back in
/// which order. Events (<see cref="UbiEvent"/>) point back at it through <see cref="QueryId"/>.
/// </summary>
public sealed record UbiQuery
{
    /// <summary><c>query_id</c>: unique per search (a UUID here), the key events link to; at most 100 characters.</summary>
    public required string QueryId { get; init; }

    /// <summary><c>user_query</c>: the query as the shopper entered it.</summary>
    public required string UserQuery { get; init; }

    /// <summary><c>timestamp</c>: when the search ran (written as ISO 8601 with an offset).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary><c>client_id</c>: the browser or service that searched, stable across its searches; at most 100 characters.</summary>
    public string? ClientId { get; init; }

    /// <summary><c>application</c>: which front end searched (for example <c>storefront</c>); at most 100 characters.</summary>
    public string? Application { get; init; }

    /// <summary><c>query_response_id</c>: an id of the engine's answer, when it has one.</summary>
    public string? QueryResponseId { get; init; }

    /// <summary>
    /// <c>query_response_hit_ids</c>: the ids of the objects returned, in the order returned. With a page offset the
    /// first id sits at position <c>offset + 1</c>; the offset is kept in <see cref="QueryAttributes"/> under <c>offset</c>.
    /// </summary>
    public IReadOnlyList<string> QueryResponseHitIds { get; init; } = [];

    /// <summary><c>object_id_field</c>: the name of the field the hit ids come from (<c>product_id</c> here).</summary>
    public string? ObjectIdField { get; init; }

    /// <summary>
    /// <c>query_attributes</c>: modifiers of the search (mode, page size, offset, filters), as strings. Values that
    /// another producer wrote as numbers or objects are read back as their JSON text.
    /// </summary>
    public IReadOnlyDictionary<string, string>? QueryAttributes { get; init; }
}
