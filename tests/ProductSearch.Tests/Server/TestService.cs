using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Embedding;
using ProductSearch.Server;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Server;

/// <summary>
/// The search service as <c>productsearch serve</c> builds it (<see cref="ProductSearchServerApp.Build"/>), on a tiny
/// index written with the hashing test embedder, on ASP.NET Core's in-memory test server: no model, no port.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public const string AdminKey = "admin-key-0123456789abcdef";
    public const string SearchKey = "search-key-0123456789abcdef";

    private readonly TempFolder _temp;

    private TestService(TempFolder temp, string indexPath, WebApplication app)
    {
        _temp = temp;
        IndexPath = indexPath;
        App = app;
    }

    public string IndexPath { get; }

    public WebApplication App { get; }

    public string Folder => _temp.Path;

    /// <summary>Starts the service on an index of <paramref name="products"/> products (t0…), with an admin and a search key unless <paramref name="keys"/> is false.</summary>
    public static async Task<TestService> StartAsync(Action<ProductSearchServerOptions>? server = null, int products = 20, bool keys = true,
        Func<ITextEmbedder>? embedder = null)
    {
        var temp = new TempFolder();
        var index = temp.File("idx");
        TinyIndex.Build(index, products);
        var app = ProductSearchServerApp.Build(engine =>
        {
            engine.IndexPath = index;
            engine.RefreshInterval = TimeSpan.Zero;
        }, options =>
        {
            if (keys)
            {
                options.AdminKey = AdminKey;
                options.SearchKeys.Add(SearchKey);
            }
            server?.Invoke(options);
        }, ["http://127.0.0.1:0"], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Services.Replace(ServiceDescriptor.Singleton(services => new SearchEngineProvider(
                services.GetRequiredService<IOptions<SearchEngineOptions>>(), services.GetService<ILoggerFactory>(), null, embedder ?? (() => new HashingEmbedder()))));
        });
        await app.StartAsync();
        return new TestService(temp, index, app);
    }

    /// <summary>A client that sends <paramref name="key"/> as its bearer key (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = App.GetTestClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _temp.Dispose();
    }
}
