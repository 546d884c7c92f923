using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>
/// Concurrent searches read the right product keys: BM25 searches and filter collections on several threads at once
/// give exactly what they give one at a time, on an index of several segments (one per commit). Lucene's doc values
/// read through a cursor that must not be shared between threads; a shared instance once made concurrent searches
/// return other products.
/// </summary>
public sealed class ConcurrentKeyReadsTests
{
    [Fact]
    public void Parallel_bm25_searches_and_filters_agree_with_sequential_ones()
    {
        using var temp = new TempFolder();
        var catalog = SyntheticCatalog.Write(temp.File("catalog.jsonl"), 6000);
        var products = File.ReadLines(catalog).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Select(p => new Product { Id = p.GetProperty("product_id").GetString()!, Title = p.GetProperty("product_title").GetString()!, Brand = p.GetProperty("product_brand").GetString() })
            .ToArray();
        foreach (var batch in products.Chunk(1500)) // four commits: four segments
        {
            using var writer = IndexWriter.Open(temp.File("index"), new HashingEmbedder(), "hashing-test");
            writer.Write(batch, new CatalogReadReport { Path = "test" }, SyncMode.Upsert);
        }
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = temp.File("index"), ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, new HashingEmbedder());
        var queries = Enumerable.Range(0, 60).Select(i => $"{SyntheticCatalog.Adjectives[i % 12]} {SyntheticCatalog.Nouns[(i * 7) % 12]}").ToArray();
        string Run(int i) => i % 2 == 0
            ? string.Join(",", engine.Search(new SearchRequest { Query = queries[i / 2 % queries.Length], Mode = SearchMode.Bm25, K = 50 }).Hits.Select(h => h.Product.Id))
            : engine.Search(new SearchRequest { Query = "shoes", Mode = SearchMode.Bm25, K = 5, Filters = new SearchFilters { Brands = [SyntheticCatalog.Brand(i % 100)] } })
                .FilterMatches.ToString()!;
        var expected = Enumerable.Range(0, 240).Select(Run).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var actual = new string[expected.Length];
            Parallel.For(0, expected.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = Run(i));
            Assert.Equal(expected, actual);
        }
    }
}
