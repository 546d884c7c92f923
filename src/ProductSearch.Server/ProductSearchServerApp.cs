using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductSearch.Server.Keys;

namespace ProductSearch.Server;

/// <summary>The search service as one app: what <c>productsearch serve</c> runs.</summary>
public static class ProductSearchServerApp
{
    /// <summary>
    /// Builds the app: the engine on <paramref name="engine"/>'s index, the service's endpoints, keys and limits,
    /// listening on <paramref name="urls"/>. <paramref name="configure"/> can change the builder last (a test server,
    /// a test embedder).
    /// </summary>
    /// <exception cref="ServerStartException">
    /// No key is configured and an address is not a loopback one; a key file or key store cannot be read; a key is too short.
    /// </exception>
    public static Microsoft.AspNetCore.Builder.WebApplication Build(Action<SearchEngineOptions> engine, Action<ProductSearchServerOptions> server,
        IReadOnlyList<string> urls, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(urls);
        var options = new ProductSearchServerOptions();
        server(options);
        try { options.Validate(); }
        catch (ArgumentException ex) { throw new ServerStartException(ex.Message, ex); }
        // Read now, not on the first request: an unreadable key file stops start-up with its reason.
        var keys = ApiKeyRing.Load(options);
        if (!keys.RequiresKeys && urls.FirstOrDefault(u => !IsLoopback(u)) is { } open)
            throw new ServerStartException($"Refusing to serve {open} without an API key: set PRODUCTSEARCH_ADMIN_KEY (or --admin-key-file), or listen on a loopback address such as http://127.0.0.1:5000.");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        // One line per request at Information would drown the engine's own lines: ASP.NET Core speaks from Warning up.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(keys);
        builder.Services.AddProductSearch(engine);
        builder.Services.AddProductSearchServer(server);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseProductSearchServer();
        app.MapProductSearchApi();
        return app;
    }

    /// <summary>Whether <paramref name="url"/> listens on a loopback address only (localhost, 127.0.0.0/8, ::1).</summary>
    internal static bool IsLoopback(string url)
    {
        // Kestrel's wildcards ('*', '+') are not URIs' hosts: read the host by hand.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':', '/')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
