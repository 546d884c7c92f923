using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using ProductSearch.Behavior;
using Storefront.Hosting;

namespace Storefront.Api;

/// <summary>
/// <c>POST /api/events</c>: the page's impressions and clicks, a JSON list of UBI events (or one event), written to
/// the behaviour log. Bodies are limited in size and count; a bad event answers 400 naming the field
/// (<c>[3].event_attributes.position.ordinal</c>), and nothing of that body is written. Only
/// <c>application/json</c> is taken: a page on another site cannot post it without a CORS preflight this app never
/// grants, so it cannot fill the log with clicks.
/// </summary>
internal static class EventEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxEvents = 100;

    public static IEndpointRouteBuilder MapBehaviorEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", AcceptAsync)
            .WithName("Events").WithSummary("Logs the page's impressions and clicks (UBI events).")
            .WithDescription($"A JSON list of at most {MaxEvents} UBI events (or one event), at most {MaxBodyBytes / 1024} KiB, each tied to a search by the queryId of its answer.")
            // Kestrel refuses every body (MaxRequestBodySize 0); this endpoint's own limit replaces that for it.
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<JsonElement>("application/json")
            .Produces<EventsAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    /// <summary>The answer: how many events were queued for the log, and how many the log dropped (its queue was full).</summary>
    public sealed record EventsAccepted(int Accepted, int Dropped);

    private static async Task<IResult> AcceptAsync(HttpRequest http, BehaviorLogWriter log, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Content-Type.",
                detail: "Content-Type must be application/json.");
        var body = await ReadLimitedAsync(http, cancellationToken);
        if (body is null) return TooLarge();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return ApiProblems.BadRequest("body", $"body is not JSON: {ex.Message.Split(". ")[0]}.");
        }
        using (document)
        {
            var (events, errors) = Parse(document.RootElement);
            if (errors.Count > 0) return ApiProblems.BadRequest(errors);
            var accepted = events.Count(log.TryWrite);
            return TypedResults.Accepted((string?)null, new EventsAccepted(accepted, events.Count - accepted));
        }
    }

    /// <summary>The body, or <c>null</c> when it is over <see cref="MaxBodyBytes"/> (told by Content-Length or found while reading).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBodyBytes) return null;
        // TestServer and other hosts may not enforce the endpoint's limit: count the bytes here as well.
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    private static (List<UbiEvent> Events, Dictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var events = new List<UbiEvent>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray() : [root];
        if (items.Length == 0) errors["body"] = ["body holds no event."];
        else if (items.Length > MaxEvents) errors["body"] = [$"body holds {items.Length} events; send at most {MaxEvents} at a time."];
        if (errors.Count > 0) return (events, errors);
        for (var i = 0; i < items.Length; i++)
        {
            var error = Check(items[i], out var ubiEvent);
            if (error is not null)
            {
                if (root.ValueKind == JsonValueKind.Array) error = error.Within($"[{i}]");
                errors[error.Field] = [error.Message];
            }
            else
            {
                events.Add(ubiEvent! with { Application = ubiEvent!.Application ?? StorefrontBehaviorLog.Application });
            }
        }
        return (events, errors);
    }

    /// <summary>The UBI schema's rules, and the storefront's: an event is about a search's result, so it names the search, the product and where it was shown.</summary>
    private static UbiFieldError? Check(JsonElement json, out UbiEvent? ubiEvent)
    {
        if (!UbiJsonParser.TryParseEvent(json, out ubiEvent, out var error)) return error;
        if (ubiEvent!.QueryId is null) return new UbiFieldError("query_id", "query_id is required: the queryId of the search answer the event is about.");
        var onResult = ubiEvent.ActionName == UbiActions.Impression || UbiActions.Choices.Contains(ubiEvent.ActionName);
        if (onResult && ubiEvent.ObjectId is null)
            return new UbiFieldError("event_attributes.object.object_id", $"event_attributes.object.object_id is required for '{ubiEvent.ActionName}': the product's id.");
        if (onResult && ubiEvent.Ordinal is null)
            return new UbiFieldError("event_attributes.position.ordinal", $"event_attributes.position.ordinal is required for '{ubiEvent.ActionName}': the product's 1-based rank in the results.");
        return null;
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large.",
        detail: $"body must be at most {MaxBodyBytes} bytes; send fewer events at a time (at most {MaxEvents}).");
}
