using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ProductSearch.Server.Api;
using ProductSearch.Server.Keys;
using ProductSearch.Server.Metrics;
using ProductSearch.Server.Writes;

namespace ProductSearch.Server;

/// <summary>
/// The search service's pieces, for an ASP.NET Core app that hosts it (as <c>productsearch serve</c> does through
/// <see cref="ProductSearchServerApp"/>): <see cref="AddProductSearchServer"/> in the services (beside
/// <c>AddProductSearch</c>, which opens the engine), <see cref="UseProductSearchServer"/> in the pipeline and
/// <see cref="MapProductSearchApi"/> for the endpoints.
/// </summary>
public static class ProductSearchServerExtensions
{
    /// <summary>The authorization policy of the read endpoints: any valid key.</summary>
    public const string SearchPolicy = "productsearch-search";

    /// <summary>The authorization policy of writes and key management: the admin key.</summary>
    public const string AdminPolicy = "productsearch-admin";

    /// <summary>The rate-limiting policy of the API's endpoints (a concurrency limiter with a queue).</summary>
    public const string RateLimitPolicy = "productsearch-api";

    /// <summary>
    /// Adds the service: API-key authentication (<c>Authorization: Bearer</c>), the rate limiter, the write path,
    /// problem details, the OpenAPI document and the OpenTelemetry metrics exported for Prometheus. The keys are read
    /// when first needed; <see cref="ProductSearchServerApp.Build"/> reads them at once, so a bad key file stops start-up.
    /// </summary>
    public static IServiceCollection AddProductSearchServer(this IServiceCollection services, Action<ProductSearchServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ProductSearchServerOptions>().Configure(configure)
            .Validate(o => Valid(o, out _), "ProductSearchServerOptions are out of range.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => ApiKeyRing.Load(provider.GetRequiredService<IOptions<ProductSearchServerOptions>>().Value));
        services.TryAddSingleton<ServerMetrics>();
        services.TryAddSingleton<ProductWrites>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SearchPolicy, policy => policy.RequireRole(nameof(ApiKeyRole.Search), nameof(ApiKeyRole.Admin)))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(nameof(ApiKeyRole.Admin)));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ProductSearchServerOptions>>((limiter, server) =>
        {
            var limits = server.Value;
            limiter.AddConcurrencyLimiter(RateLimitPolicy, concurrency =>
            {
                concurrency.PermitLimit = limits.ConcurrencyLimit;
                concurrency.QueueLimit = limits.QueueLimit;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(detail: $"The service is at its limit of {limits.ConcurrencyLimit} requests at once and {limits.QueueLimit} waiting; retry after {limits.RetryAfterSeconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.").ExecuteAsync(context.HttpContext);
            };
        });

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new AttributeValueJsonConverter()));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerKeyDocument>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ServerMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Adds the middleware the endpoints need: error answers as problem details, routing, keys, the rate limiter.</summary>
    public static IApplicationBuilder UseProductSearchServer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        // Keys before the limiter: a request without a valid key is refused without taking a place.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Maps the endpoints: <c>GET|POST /search</c>, <c>GET /suggest</c>, <c>GET /products/{id}</c> (any key);
    /// <c>PUT /products</c>, <c>PATCH|DELETE /products/{id}</c>, <c>POST /products/delete</c>, <c>GET|PUT /schema</c>,
    /// <c>GET|PUT|DELETE /rules</c>, <c>GET|POST /keys</c>,
    /// <c>DELETE /keys/{id}</c> (admin key); <c>GET /metrics</c> (Prometheus text, any key); <c>GET /health</c> and
    /// <c>GET /openapi/v1.json</c> (no key).
    /// </summary>
    public static IEndpointRouteBuilder MapProductSearchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var reads = endpoints.MapGroup("").RequireAuthorization(SearchPolicy).RequireRateLimiting(RateLimitPolicy).WithTags("Search");
        SearchEndpoints.Map(reads);
        var writes = endpoints.MapGroup("").RequireAuthorization(AdminPolicy).RequireRateLimiting(RateLimitPolicy).WithTags("Products");
        WriteEndpoints.Map(writes);
        var settings = endpoints.MapGroup("").RequireAuthorization(AdminPolicy).RequireRateLimiting(RateLimitPolicy).WithTags("Settings");
        SettingsEndpoints.Map(settings);
        var keys = endpoints.MapGroup("").RequireAuthorization(AdminPolicy).RequireRateLimiting(RateLimitPolicy).WithTags("Keys");
        KeyEndpoints.Map(keys);
        endpoints.MapHealthChecks("/health");
        endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(SearchPolicy);
        endpoints.MapOpenApi();
        return endpoints;
    }

    private static bool Valid(ProductSearchServerOptions options, out string? error)
    {
        try
        {
            options.Validate();
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
