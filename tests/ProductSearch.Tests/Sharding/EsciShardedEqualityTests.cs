using System.Globalization;
using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;
using Xunit.Abstractions;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// The shared ESCI sample (6,764 products, 150 queries) as one index and as 2, 4 and 8 shards: the storefront's answers
/// (suggestions for texts made from the queries and brands, departments, schema, products) and every query's BM25
/// top-50 (same scores to the bit) and hybrid RRF and convex first pages (and every third query's pages at offsets 10
/// and 40) are the same, the dense side
/// exact in both (a filter passing a quarter of the products makes both search exactly; embedded with the hashing test
/// model: BM25 across shards is what is hard). Also written out, not asserted: the recall@10 of one index's and of the
/// shards' graph searches against the true nearest neighbours, and how many BM25 top-10s
/// (products and order) stay the same when each shard scores with its own statistics (the counter-check: asserted to be fewer than half).
/// </summary>
public sealed class EsciShardedEqualityTests(ITestOutputHelper output)
{
    /// <summary>
    /// A quarter of the catalog (1,691 products): few enough that one index and every shard search the dense side exactly
    /// (<see cref="Search.DenseRetriever.UsesExactSearch"/>), not through the graph, whose recall is measured apart.
    /// </summary>
    private static readonly SearchFilters ExactQuarter = new() { Conditions = [SearchFilter.Parse("price<=1")] };

    [SkippableFact]
    public async Task Esci_sample_answers_as_one_index_at_2_4_and_8_shards()
    {
        var folder = SharedData.EsciDirectory;
        var queries = File.ReadLines(Path.Combine(folder, "examples.tsv")).Skip(1).Select(l => l.Split('\t')[1]).Distinct().ToArray();
        var products = new List<Product>();
        await using (var reading = await CatalogReaders.OpenAsync(Path.Combine(folder, "products.jsonl")))
            await foreach (var product in reading.ReadAsync()) products.Add(product);
        // Prices 1–4 in turn, so that a filter on them passes a quarter of the products (ESCI's have no prices).
        using var catalogs = new ShardedCatalogs(products.Select((p, i) => p with { Price = 1 + i % 4 }).ToArray());

        var suggestionTexts = ShardedCatalogs.SuggestionTexts(queries, products.Select(p => p.Brand ?? ""));
        var oneRecall = await GraphRecallAsync(catalogs.Products, queries, r => Task.FromResult(catalogs.OneNode.Search(r)), 10);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one index: graph recall@10 {oneRecall:F3}"));
        foreach (var shards in ShardedCatalogs.ShardCounts)
        {
            var sharded = catalogs.Sharded(shards);
            var (differences, compared) = (new List<string>(), 0);
            async Task Compare(SearchRequest request)
            {
                compared++;
                var difference = AnswerComparison.FirstDifference(catalogs.OneNode.Search(request), await sharded.SearchAsync(request));
                if (difference is not null) differences.Add($"'{request.Query}' ({request.Mode}, {request.Ranking?.Method}, offset {request.Offset}): {difference}");
            }
            for (var q = 0; q < queries.Length; q++)
            {
                var query = queries[q];
                await Compare(new SearchRequest { Query = query, K = 50, Mode = SearchMode.Bm25 });
                // Every query's first page; the deeper pages of every third query (the test's time is mostly these).
                foreach (var method in new[] { FusionMethod.Rrf, FusionMethod.Convex })
                foreach (var offset in q % 3 == 0 ? [0, 10, 40] : new[] { 0 })
                    await Compare(new SearchRequest { Query = query, K = 10, Offset = offset, Filters = ExactQuarter, Ranking = RankingProfile.Default with { Method = method } });
            }
            Assert.True(differences.Count == 0, $"{shards} shards: {differences.Count} of {compared} answers differ; first: {differences.FirstOrDefault()}");
            var storefront = System.Diagnostics.Stopwatch.StartNew();
            await catalogs.AssertSameStorefrontAnswersAsync(shards, suggestionTexts, catalogs.Products.Where((_, i) => i % 97 == 0).Select(p => p.Id));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shards} shards: suggestions for {suggestionTexts.Count} texts, departments, schema and products equal ({storefront.Elapsed.TotalSeconds:F1} s)"));
            var recall = await GraphRecallAsync(catalogs.Products, queries, r => sharded.SearchAsync(r), 10);
            var equalWithOwn = await EqualWithOwnStatisticsAsync(catalogs, sharded, queries);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shards} shards: {compared} answers compared, all equal; graph recall@10 {recall:F3}; BM25 top-10 equal with per-shard statistics: {equalWithOwn} of {queries.Length}"));
            Assert.True(equalWithOwn < queries.Length / 2, $"{shards} shards: {equalWithOwn} of {queries.Length} BM25 top-10s equal even with per-shard statistics");
        }
    }

    /// <summary>
    /// The share of each query's true 10 nearest products (by brute force over every product's vector) that a graph
    /// search finds, with no filter: <paramref name="search"/> is one index's or the shards'.
    /// </summary>
    private static async Task<double> GraphRecallAsync(IReadOnlyList<Product> products, IReadOnlyList<string> queries, Func<SearchRequest, Task<SearchResponse>> search, int n)
    {
        var embedder = new HashingEmbedder();
        var vectors = products.Select(p => (p.Id, Vector: embedder.Vector(ProductFingerprint.EmbeddedText(p)))).ToArray();
        double found = 0, wanted = 0;
        foreach (var query in queries)
        {
            // Asked as typed (no corrections, completions or negations), so the model embeds exactly the text the truth is computed for.
            var request = new SearchRequest { Query = query, K = n, Mode = SearchMode.Dense, TypoTolerance = false, CompleteLastWord = false, Ranking = RankingProfile.Default with { DropNegatedPhrases = false } };
            var target = embedder.Vector(query);
            var truth = vectors.OrderByDescending(v => Dot(v.Vector, target)).ThenBy(v => v.Id, StringComparer.Ordinal).Take(n).Select(v => v.Id).ToHashSet();
            found += (await search(request)).Hits.Count(h => truth.Contains(h.Product.Id));
            wanted += truth.Count;
        }
        return found / wanted;
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static async Task<int> EqualWithOwnStatisticsAsync(ShardedCatalogs catalogs, ShardedSearchEngine sharded, IReadOnlyList<string> queries)
    {
        var own = new ShardCoordinator(sharded.Shards.Select(s => (IShardSearcher)new OwnStatisticsShard(s)).ToArray(), new HashingEmbedder());
        var generation = sharded.Generations.Generation;
        var equal = 0;
        foreach (var query in queries)
        {
            var request = new SearchRequest { Query = query, K = 10, Mode = SearchMode.Bm25 };
            // The same products in the same order (the scores differ whenever the statistics do).
            var expected = catalogs.OneNode.Search(request).Hits.Select(h => h.Product.Id);
            if (expected.SequenceEqual((await own.SearchAsync(request, generation)).Hits.Select(h => h.Product.Id))) equal++;
        }
        return equal;
    }

}
