namespace ProductSearch.Behavior;

/// <summary>
/// One thing a shopper did, as the UBI schema records it in its <c>ubi_events</c> store (schema 1.3.0,
/// <c>event.schema.json</c>): an impression of a result, a click on it, an add to cart, tied to the search that
/// showed it by <see cref="QueryId"/>.
/// </summary>
public sealed record UbiEvent
{
    /// <summary><c>action_name</c>: what happened (see <see cref="UbiActions"/>; any name up to 100 characters is allowed).</summary>
    public required string ActionName { get; init; }

    /// <summary><c>timestamp</c>: when it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary><c>query_id</c>: the search (<see cref="UbiQuery.QueryId"/>) whose results the shopper acted on; <c>null</c> for events outside a search.</summary>
    public string? QueryId { get; init; }

    /// <summary><c>client_id</c>: the browser or service, as in <see cref="UbiQuery.ClientId"/>.</summary>
    public string? ClientId { get; init; }

    /// <summary><c>session_id</c>: the shopper's visit, when the page keeps one.</summary>
    public string? SessionId { get; init; }

    /// <summary><c>user_id</c>: the signed-in user, when there is one.</summary>
    public string? UserId { get; init; }

    /// <summary><c>application</c>: which front end sent the event.</summary>
    public string? Application { get; init; }

    /// <summary><c>message_type</c>: a free grouping of actions (for example <c>QUERY</c>, <c>CONVERSION</c>).</summary>
    public string? MessageType { get; init; }

    /// <summary><c>message</c>: free text, at most 1,024 characters.</summary>
    public string? Message { get; init; }

    /// <summary><c>event_attributes</c>: where on the page (<c>position</c>) and on what (<c>object</c>) it happened.</summary>
    public UbiEventAttributes? EventAttributes { get; init; }

    /// <summary>The object acted on (<c>event_attributes.object.object_id</c>), or <c>null</c>.</summary>
    public string? ObjectId => EventAttributes?.Object?.ObjectId;

    /// <summary>The 1-based position of that object in the results (<c>event_attributes.position.ordinal</c>), or <c>null</c>.</summary>
    public int? Ordinal => EventAttributes?.Position?.Ordinal;

    /// <summary>An event on one object of a search's results, at a 1-based position, as a results page sends it.</summary>
    public static UbiEvent OnObject(string actionName, string queryId, string objectId, int ordinal, DateTimeOffset timestamp) => new()
    {
        ActionName = actionName,
        QueryId = queryId,
        Timestamp = timestamp,
        EventAttributes = new UbiEventAttributes
        {
            Object = new UbiObject { ObjectId = objectId },
            Position = new UbiPosition { Ordinal = ordinal },
        },
    };
}
