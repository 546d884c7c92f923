using Storefront.Api;
using Storefront.Hosting;

// The storefront: ProductSearch behind a JSON API and a shop page. `dotnet run --project samples/Storefront`
// serves the demo index on http://127.0.0.1:5080 (building it on the first start); `-- --index DIR` serves another,
// `-- --cluster 127.0.0.1:30000,127.0.0.1:30001` searches a ProductSearch cluster through those gateways.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, StorefrontSettings.SwitchMappings);
DefaultAddress.ApplyUnlessConfigured(builder);

if (StorefrontSettings.ClusterGateways(builder.Configuration) is { } gateways)
{
    // Searches go to a ProductSearch cluster (samples/ClusterSilo): the same endpoints, over its gateways.
    builder.AddProductSearchCluster(cluster => cluster.Gateways = [.. gateways]);
}
else
{
    // The demo index is built before the engine opens: hosted services start in the order they are added.
    builder.Services.AddHostedService<DemoIndexBootstrap>();
    builder.Services.AddStorefrontSearch(builder.Configuration);
}
builder.Services.AddStorefrontBehaviorLog();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
// The API reads only the address (a body is refused by RequestBodyRefusal), except POST /api/events, which raises
// this limit for itself (EventEndpoints.MaxBodyBytes). No Server header: it tells nothing a client needs.
builder.WebHost.ConfigureKestrel(kestrel => { kestrel.Limits.MaxRequestBodySize = 0; kestrel.AddServerHeader = false; });

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeaders>();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapStorefrontApi();
app.MapBehaviorEvents();
app.MapHealth();
app.MapOpenApi();

app.Run();

/// <summary>The app's entry point, public so the tests' <c>WebApplicationFactory</c> can start it.</summary>
public partial class Program;
