using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProductSearch.Fuzzing;
using Microsoft.AspNetCore.Hosting;
using System.Net;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>
/// A missing or damaged index at start-up: the app still starts, <c>/health</c> says unhealthy with the reason, and
/// the API answers 503 with that reason instead of crashing.
/// </summary>
public sealed class UnavailableIndexTests
{
    [Fact]
    public async Task A_missing_index_folder()
    {
        var missing = Path.Combine(TestIndex.Instance.NewFolder(), "nothing-here");
        await AssertUnavailable(missing, "does not exist");
    }

    [Fact]
    public async Task A_folder_without_an_index()
    {
        await AssertUnavailable(TestIndex.Instance.NewFolder(), "no manifest.json");
    }

    [Fact]
    public async Task A_corrupt_manifest()
    {
        var folder = TestIndex.Instance.NewFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), "{ \"format\": 1, \"generation\": ");
        await AssertUnavailable(folder, "not a valid manifest");
    }

    [Fact]
    public async Task A_damaged_vector_file()
    {
        var folder = TestIndex.Instance.NewFolder();
        ScratchFiles.CopyFolder(TestIndex.Instance.IndexPath, folder);
        var vectors = Directory.GetFiles(folder, "vectors.usearch", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(vectors);
        bytes[bytes.Length / 2] ^= 0xFF; // one flipped byte inside the graph
        await File.WriteAllBytesAsync(vectors, bytes);
        await AssertUnavailable(folder, "vectors.usearch");
    }

    [Fact]
    public async Task An_index_built_after_start_up_is_opened_without_a_restart()
    {
        var folder = TestIndex.Instance.NewFolder();
        var time = new FakeTimeProvider();
        using var factory = new StorefrontFactory(folder);
        using var retrying = factory.WithWebHostBuilder(b => b.UseSetting("ProductSearch:RefreshInterval", "00:00:02")
            .ConfigureServices(services => services.AddSingleton<TimeProvider>(time)));
        using var client = retrying.CreateClient();
        using (var before = await client.GetAsync("/api/search?q=shoes"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);

        ScratchFiles.CopyFolder(TestIndex.Instance.IndexPath, folder);
        using (var tooSoon = await client.GetAsync("/api/search?q=shoes")) // the retry waits for its interval
            Assert.Equal(HttpStatusCode.ServiceUnavailable, tooSoon.StatusCode);
        time.Advance(TimeSpan.FromSeconds(5));
        using (var after = await client.GetAsync("/api/search?q=shoes"))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task AssertUnavailable(string indexPath, string reasonPart)
    {
        using var factory = new StorefrontFactory(indexPath);
        using var client = factory.CreateClient();

        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var report = System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("unhealthy", report.Text("status"));
            Assert.False(report.GetProperty("indexLoaded").GetBoolean());
            Assert.Contains(reasonPart, report.Text("reason"), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var url in new[] { "/api/search?q=shoes", "/api/search?q=shoes&filter=rating%3E%3D4&sort=price:asc", "/api/products/DEMO-000001" })
        {
            using var response = await client.GetAsync(url);
            var problem = await Http.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains(reasonPart, problem.Text("detail"), StringComparison.OrdinalIgnoreCase);
        }

        // Input is still checked first: a bad request is the client's problem whatever the index's state.
        using var bad = await client.GetAsync("/api/search?q=shoes&k=0");
        await Http.ProblemAsync(bad, HttpStatusCode.BadRequest);
        // And the page still loads, to say so.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
