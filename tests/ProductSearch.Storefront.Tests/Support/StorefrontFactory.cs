using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProductSearch.Storefront.Tests.Support;

/// <summary>The storefront app on a given index folder, as production runs it (problem details, no developer pages).</summary>
public class StorefrontFactory(string indexPath) : WebApplicationFactory<Program>
{
    public string IndexPath { get; } = indexPath;

    /// <summary>The app's behaviour log folder: its own, under the temp folder, deleted with the factory.</summary>
    public string BehaviorLogFolder { get; } = Path.Combine(Path.GetTempPath(), "productsearch-storefront-tests", "ubi-" + Guid.NewGuid().ToString("N")[..12]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ProductSearch:IndexPath", IndexPath);
        builder.UseSetting("ProductSearch:Device", "cpu");
        builder.UseSetting("ProductSearch:BehaviorLog:Folder", BehaviorLogFolder);
        // Keeps the app's loopback default out of the way; Kestrel-based tests listen where UseKestrel says.
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(BehaviorLogFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One storefront on the shared test index, started once for all the API tests.</summary>
public sealed class StorefrontApp : IDisposable
{
    public StorefrontApp() => Factory = new StorefrontFactory(TestIndex.Instance.IndexPath);

    public StorefrontFactory Factory { get; }

    public TestIndex Index => TestIndex.Instance;

    public HttpClient CreateClient() => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class StorefrontCollection : ICollectionFixture<StorefrontApp>
{
    public const string Name = "storefront";
}
