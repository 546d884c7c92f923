namespace ProductSearch.Behavior;

/// <summary><c>event_attributes</c> of a <see cref="UbiEvent"/>: the parts this library reads and writes.</summary>
public sealed record UbiEventAttributes
{
    /// <summary><c>position</c>: where the object was shown.</summary>
    public UbiPosition? Position { get; init; }

    /// <summary><c>object</c>: what was acted on.</summary>
    public UbiObject? Object { get; init; }
}

/// <summary><c>event_attributes.position</c>.</summary>
public sealed record UbiPosition
{
    /// <summary>
    /// <c>ordinal</c>: the 1-based position of the object in the search's results, offset included (the 3rd card of
    /// the second page of 24 is 27); for a grid, counted left to right ignoring wrapping, as the schema says.
    /// </summary>
    public int? Ordinal { get; init; }

    /// <summary><c>page_depth</c>: which page of results (1 for the first).</summary>
    public int? PageDepth { get; init; }
}

/// <summary><c>event_attributes.object</c>.</summary>
public sealed record UbiObject
{
    /// <summary><c>object_id</c>: the object's id in the catalog (a product id); at most 256 characters.</summary>
    public required string ObjectId { get; init; }

    /// <summary><c>object_id_field</c>: the field that id comes from (<c>product_id</c>).</summary>
    public string? ObjectIdField { get; init; }
}
