using System.Text.Json;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// End to end on real ESCI rows: the products judged for ten queries are indexed, and the hybrid top-10 of each
/// query must hold more Exact products than a random ranking of that catalog would on average.
/// </summary>
public sealed class EsciIntegrationTests
{
    private const int Queries = 10;

    [SkippableFact]
    public async Task Hybrid_search_beats_random_on_real_judgments_and_every_mode_answers()
    {
        var folder = SharedData.EsciDirectory;
        var judgments = File.ReadLines(Path.Combine(folder, "examples.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(f => (QueryId: f[0], Query: f[1], ProductId: f[2], Label: f[4]))
            .ToList();
        var queries = judgments.Select(j => j.Query).Distinct().Take(Queries).ToList();
        var wanted = judgments.Where(j => queries.Contains(j.Query)).Select(j => j.ProductId).ToHashSet();

        using var temp = new TempFolder();
        var catalog = temp.File("slice.jsonl");
        await File.WriteAllLinesAsync(catalog, File.ReadLines(Path.Combine(folder, "products.jsonl"))
            .Where(line => wanted.Contains(JsonDocument.Parse(line).RootElement.GetProperty("product_id").GetString()!)));
        var report = await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, temp.File("index"));
        var catalogSize = report.Manifest.ProductCount;
        Assert.Equal(wanted.Count, catalogSize);

        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = temp.File("index"), Device = ComputeDevice.Cpu });
        double exactFound = 0, exactExpectedAtRandom = 0;
        foreach (var query in queries)
        {
            var exact = judgments.Where(j => j.Query == query && j.Label == "E").Select(j => j.ProductId).ToHashSet();
            var hits = engine.Search(new SearchRequest { Query = query, K = 10 }).Hits;
            exactFound += hits.Count(h => exact.Contains(h.Product.Id));
            // A random ranking puts each of the catalog's products in the top 10 with probability 10 / N.
            exactExpectedAtRandom += 10.0 * exact.Count / catalogSize;

            Assert.NotEmpty(engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25 }).Hits);
            Assert.NotEmpty(engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Dense }).Hits);
        }
        Assert.True(exactFound > exactExpectedAtRandom,
            $"hybrid top-10s hold {exactFound} Exact products; a random ranking would hold {exactExpectedAtRandom:F1}");
        Assert.True(exactFound >= 2 * exactExpectedAtRandom, $"hybrid {exactFound} vs random {exactExpectedAtRandom:F1}: not even twice as good");
    }
}
