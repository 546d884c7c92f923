using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductSearch.AspNetCore;

namespace Storefront.Api;

/// <summary>
/// Writes <c>GET /health</c> as JSON: the overall status; whether the index is loaded, and if not why; the engine's
/// figures (index folder, product count, generation, model, device); and every check with its own status.
/// </summary>
internal static class HealthReportWriter
{
    // Served as application/json, never inside HTML, so quotes and '+' need no escaping: the reasons stay readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        report.Entries.TryGetValue(SearchEngineHealthCheck.Name, out var engine);
        var payload = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            indexLoaded = engine.Status == HealthStatus.Healthy,
            reason = report.Entries.Values.FirstOrDefault(e => e.Status != HealthStatus.Healthy).Description,
            engine = engine.Data,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 3),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, payload, Json, context.RequestAborted);
    }
}
