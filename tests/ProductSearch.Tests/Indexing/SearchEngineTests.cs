using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

public sealed class SearchEngineTests(SmallIndexFixture index) : IClassFixture<SmallIndexFixture>
{
    [Fact]
    public void The_build_reports_what_it_met()
    {
        Assert.Equal(SmallCatalog.Products.Length, index.Report.Manifest.ProductCount);
        Assert.Equal(1, index.Report.Catalog!.Skipped);
        Assert.Equal(1, index.Report.DuplicateIds);
        Assert.Equal("minilm", index.Report.Manifest.Model.Name);
        Assert.Equal(384, index.Report.Manifest.Model.Dimensions);
        Assert.Equal(BuiltInModels.Find("minilm")!.Sha256, index.Report.Manifest.Model.Sha256);
        Assert.Contains("Lucene.Net", index.Report.Manifest.Packages.Keys);
    }

    [Theory]
    [InlineData("girls white shoes", "g1 g2")]
    [InlineData("7edge phone case peacock", "p1")]
    [InlineData("kitchen t towels", "k1")]
    [InlineData("1 3/4 inch tooled belt strap without belt buckle", "b1")]
    public async Task Hybrid_search_ranks_the_right_products_first(string query, string expectedTop)
    {
        var expected = expectedTop.Split(' ');
        var response = await index.Engine.SearchAsync(new SearchRequest { Query = query, K = 5 });
        Assert.Equal(expected.Order(), response.Hits.Take(expected.Length).Select(h => h.Product.Id).Order());
        Assert.Equal(Enumerable.Range(1, response.Hits.Count), response.Hits.Select(h => h.Rank));
    }

    [Fact]
    public void Hybrid_hits_carry_both_retrievers_views()
    {
        var hit = index.Engine.Search(new SearchRequest { Query = "girls white shoes", K = 3, Explain = true }).Hits[0];
        Assert.InRange(hit.Dense!.Value.Score, 0.3f, 1f);
        Assert.Equal(1, hit.Lexical!.Value.Rank);
        var profile = index.Engine.DefaultProfile;
        Assert.Equal(FusionMethod.Convex, profile.Method);
        // Min-max normalised, the best of each list scores 1: the best hit's parts are at most 1 − α and α.
        Assert.InRange(hit.Explanation!.LexicalPart, 0, 1 - profile.Alpha + 1e-9);
        Assert.InRange(hit.Explanation.DensePart, 0, profile.Alpha + 1e-9);
        Assert.Equal(hit.Score, hit.Explanation.LexicalPart + hit.Explanation.DensePart, 9);

        var rrf = profile with { Method = FusionMethod.Rrf };
        var rrfHit = index.Engine.Search(new SearchRequest { Query = "girls white shoes", K = 3, Ranking = rrf }).Hits[0];
        Assert.Equal(rrf.LexicalWeight / (rrf.RrfRankConstant + rrfHit.Lexical!.Value.Rank) + rrf.DenseWeight / (rrf.RrfRankConstant + rrfHit.Dense!.Value.Rank), rrfHit.Score, 9);
    }

    [Theory]
    [InlineData(SearchMode.Bm25)]
    [InlineData(SearchMode.Dense)]
    public void Single_modes_return_only_their_retriever(SearchMode mode)
    {
        var response = index.Engine.Search(new SearchRequest { Query = "white sneakers", K = 5, Mode = mode });
        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Equal(mode == SearchMode.Bm25, h.Lexical is not null));
        Assert.All(response.Hits, h => Assert.Equal(mode == SearchMode.Dense, h.Dense is not null));
        Assert.Equal(mode == SearchMode.Bm25, response.EmbeddingTime == TimeSpan.Zero);
    }

    [Fact]
    public void Dense_search_finds_products_with_no_shared_word()
    {
        var response = index.Engine.Search(new SearchRequest { Query = "toddler footwear", K = 3, Mode = SearchMode.Dense });
        Assert.StartsWith("g", response.Hits[0].Product.Id);
    }

    [Fact]
    public void K_larger_than_the_catalog_returns_the_whole_catalog_once()
    {
        var noFloor = index.Engine.DefaultProfile with { MinDenseSimilarity = 0 };
        var response = index.Engine.Search(new SearchRequest { Query = "white", K = 1000, Ranking = noFloor });
        Assert.Equal(SmallCatalog.Products.Length, response.Hits.Count);
        Assert.Equal(response.Hits.Count, response.Hits.Select(h => h.Product.Id).Distinct().Count());

        // With the model's relevance floor, the products far from "white" that BM25 did not find are left out, and counted.
        var floored = index.Engine.Search(new SearchRequest { Query = "white", K = 1000, Explain = true });
        Assert.InRange(floored.Hits.Count, 1, SmallCatalog.Products.Length - 1);
        Assert.Equal(SmallCatalog.Products.Length, floored.Hits.Count + floored.BelowFloor);
        Assert.Equal(floored.BelowFloor, floored.BelowFloorIds.Count);
        Assert.Empty(floored.Hits.Select(h => h.Product.Id).Intersect(floored.BelowFloorIds));
    }

    [Theory]
    [InlineData("", 10, "Query")]
    [InlineData("   ", 10, "Query")]
    [InlineData("shoes", 0, "K")]
    [InlineData("shoes", 1001, "K")]
    public void Bad_requests_name_the_parameter(string query, int k, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => index.Engine.Search(new SearchRequest { Query = query, K = k }));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Lucene_syntax_and_a_huge_query_are_answered()
    {
        // BM25 reads the syntax as plain words (the model reads the raw text, so only the lexical side is compared).
        var syntax = index.Engine.Search(new SearchRequest { Query = "title:(a AND * \" ~ phone", Mode = SearchMode.Bm25 }).Hits.Select(h => h.Product.Id).ToArray();
        Assert.NotEmpty(syntax);
        Assert.Equal(index.Engine.Search(new SearchRequest { Query = "title a AND phone", Mode = SearchMode.Bm25 }).Hits.Select(h => h.Product.Id), syntax);
        Assert.NotEmpty(index.Engine.Search(new SearchRequest { Query = "title:(a AND * \" ~ phone" }).Hits);
        var huge = string.Join(' ', Enumerable.Repeat("white shoes", 5000));
        Assert.NotEmpty(index.Engine.Search(new SearchRequest { Query = huge }).Hits);
    }

    [Fact]
    public void Concurrent_searches_agree_with_a_single_one()
    {
        // The result cache is off, so every one of the concurrent searches runs the whole query path.
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index.IndexPath, Device = ComputeDevice.Cpu, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero });
        string[] queries = ["phone case", "girls white shoes", "kitchen towels", "leather belt", "cordless drill", "teddy bear", "coffee table", "face serum"];
        var expected = queries.Select(q => engine.Search(new SearchRequest { Query = q }).Hits.Select(h => h.Product.Id).ToArray()).ToArray();
        Parallel.For(0, 32, i =>
        {
            var response = engine.Search(new SearchRequest { Query = queries[i % queries.Length] });
            Assert.False(response.FromCache);
            Assert.Equal(expected[i % queries.Length], response.Hits.Select(h => h.Product.Id));
        });
    }

    [Fact]
    public void Another_model_than_the_index_was_built_with_is_refused_naming_both()
    {
        var error = Assert.Throws<IncompatibleIndexException>(() =>
            SearchEngine.Open(new SearchEngineOptions { IndexPath = index.IndexPath, Model = "arctic-xs", Device = ComputeDevice.Cpu }));
        Assert.Contains("minilm", error.Message);
        Assert.Contains("arctic-xs", error.Message);
    }
}
