using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductSearch.AspNetCore;

namespace Storefront.Api;

/// <summary>
/// <c>GET /health</c>: the overall status; whether the index is loaded, and if not why; the engine's figures (index
/// name, product count, generation, model, device — the server's paths are not shown); and every check with its own status. 200 when healthy or
/// degraded, 503 when unhealthy. A route handler rather than <c>MapHealthChecks</c>, so that it appears in the
/// OpenAPI document with its answer's shape.
/// </summary>
internal static class HealthEndpoint
{
    /// <summary>The answer of <c>GET /health</c>.</summary>
    public sealed record HealthAnswer(string Status, bool IndexLoaded, string? Reason, IReadOnlyDictionary<string, object> Engine,
        IReadOnlyDictionary<string, CheckAnswer> Checks);

    /// <summary>One health check's result.</summary>
    public sealed record CheckAnswer(string Status, string? Description, double DurationMs);

    // Served as application/json, never inside HTML, so quotes and '+' need no escaping: the reasons stay readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync)
            .WithName("Health").WithSummary("Whether the index is loaded, and the engine's figures.")
            .Produces<HealthAnswer>(StatusCodes.Status200OK)
            .Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task GetAsync(HttpContext context, HealthCheckService health, IProductSearchSource source)
    {
        var report = await health.CheckHealthAsync(context.RequestAborted);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        // As MapHealthChecks does: a health answer is never to be served from a cache.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, From(report, source), Json, context.RequestAborted);
    }

    /// <summary>The answer, with the index named by its folder's name (<c>index</c>) rather than its path, in the figures and in every reason.</summary>
    private static HealthAnswer From(HealthReport report, IProductSearchSource source)
    {
        report.Entries.TryGetValue(source.HealthCheckName, out var engine);
        var figures = (engine.Data ?? new Dictionary<string, object>())
            .Where(d => d.Key != "indexPath")
            .Prepend(new KeyValuePair<string, object>("index", source.Name))
            .ToDictionary(d => d.Key, d => d.Value);
        string? Public(string? text) => text is null ? null : PublicText.Redact(text, source);
        return new HealthAnswer(
            report.Status.ToString().ToLowerInvariant(),
            engine.Status != HealthStatus.Unhealthy, // a cluster short of replicas is degraded, but it answers
            Public(report.Entries.Values.FirstOrDefault(e => e.Status != HealthStatus.Healthy).Description),
            figures,
            report.Entries.ToDictionary(e => e.Key, e => new CheckAnswer(
                e.Value.Status.ToString().ToLowerInvariant(), Public(e.Value.Description), Math.Round(e.Value.Duration.TotalMilliseconds, 3))));
    }
}
