using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductSearch.Catalog;
using ProductSearch.Sharding;
using ProductSearch.Tests.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Cluster.Tests;

/// <summary>A live 3-silo cluster: placement, answers equal to one node, a silo killed and restarted, writes.</summary>
public sealed class ClusterFailoverTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Every_shard_has_two_warm_replicas_on_distinct_silos_at_the_cluster_generation()
    {
        var health = await fixture.Client.GetHealthAsync();

        Assert.Equal(ClusterFixture.ShardCount, health.Shards.Count);
        Assert.True(health.IsFullyReplicated);
        foreach (var shard in health.Shards)
        {
            Assert.Null(shard.Problem);
            Assert.NotNull(shard.Generation);
            Assert.Equal(2, health.LiveReplicas(shard.Shard));
            Assert.Equal(2, shard.Replicas.Select(r => r.Silo).Distinct().Count());
        }
    }

    [Fact]
    public async Task Searches_and_reads_equal_one_node_and_keep_answering_while_a_silo_is_killed_and_restarted()
    {
        using var single = TinyIndex.Serve(fixture.SinglePath + "-served", ShardedCatalog.Products(fixture.ProductCount));
        using var withoutPastQueries = SingleWithoutPastQueries();
        var ids = ShardedCatalog.Products(fixture.ProductCount).Select(p => p.Id).ToArray();
        var texts = StorefrontTexts(fixture.ProductCount).Where((_, i) => i % 8 == 0).ToArray();
        await AssertSameAnswers(single, ids);

        // The victim: the silo serving the most shards (never the first, which the test cluster's client first connects to).
        var victim = fixture.Cluster.Silos.Skip(1).MaxBy(s => Host(s).WarmReplicas().Count)!;
        Assert.NotEmpty(Host(victim).WarmReplicas());
        // Before the kill, each shard is already warm on a silo that survives it: no request has to wait for a copy.
        var survivors = fixture.Cluster.Silos.Where(s => s != victim).ToArray();
        Assert.Equal(Enumerable.Range(0, ClusterFixture.ShardCount), survivors.SelectMany(s => Host(s).WarmReplicas()).Select(r => r.Shard).Distinct().Order());
        await fixture.Cluster.KillSiloAsync(victim);

        // R = 2: every shard still has a replica on a live silo, so no request fails while membership notices the death.
        var failures = 0;
        foreach (var request in ShardedCatalog.Requests())
        {
            try { await fixture.Client.SearchAsync(request); }
            catch (ShardUnavailableException) { failures++; }
        }
        Assert.Equal(0, failures);
        await AssertSameAnswers(single, ids);
        await AssertSameStorefrontAnswers(withoutPastQueries, texts);
        // The dead silo's replicas are copied to the survivors: R comes back with two silos.
        await ClusterWait.UntilAsync(async () => (await fixture.Client.GetHealthAsync()) is { ActiveSilos: 2, IsFullyReplicated: true },
            TimeSpan.FromSeconds(30), "two replicas per shard on the two survivors");
        await AssertSameAnswers(single, ids);

        await fixture.Cluster.RestartSiloAsync(victim);
        await ClusterWait.UntilAsync(async () => (await fixture.Client.GetHealthAsync()) is { ActiveSilos: 3, IsFullyReplicated: true },
            TimeSpan.FromSeconds(30), "the restarted silo to rejoin");
        await AssertSameAnswers(single, ids);
        await AssertSameStorefrontAnswers(withoutPastQueries, texts);
    }

    [Fact]
    public async Task Faceted_and_sorted_searches_cross_the_silos_and_equal_one_node()
    {
        using var single = TinyIndex.Serve(fixture.SinglePath + "-facets", ShardedCatalog.Products(fixture.ProductCount));
        var picked = new SearchFilters { Conditions = [SearchFilter.Parse("price>=0"), SearchFilter.Parse("color=Red,Black")] };
        foreach (var query in new[] { "leather boots", "white shoes" })
        {
            // Facets (one with a picked value, counted without its own filter) and sorted pages: the grains forward the
            // shards' tallies and sort values (a product without a price travels as NaN), the coordinator adds them up.
            SearchRequest[] requests =
            [
                new() { Query = query, K = 10, Facets = [new("color"), new("brand")], Filters = ShardedCatalog.Everything },
                new() { Query = query, K = 10, Mode = SearchMode.Bm25, Facets = [new("color"), new("price")], Filters = picked },
                new() { Query = query, K = 10, Sort = SearchSort.Parse("price"), Filters = ShardedCatalog.Everything },
                new() { Query = query, K = 10, Offset = 10, Sort = SearchSort.Parse("price:desc"), Mode = SearchMode.Bm25 },
            ];
            foreach (var request in requests)
            {
                var expected = await single.SearchAsync(request);
                var actual = (await fixture.Client.SearchAsync(request)).Response;
                Assert.True(AnswerComparison.FirstDifference(expected, actual) is null, $"'{query}': {AnswerComparison.FirstDifference(expected, actual)}");
                if (request.Facets is { Count: > 0 }) Assert.NotEmpty(actual.Facets["color"]);
            }
        }
    }

    [Fact]
    public async Task Writes_commit_one_cluster_generation_and_are_found_when_acknowledged()
    {
        var before = await fixture.Client.GetHealthAsync();
        var added = Written;

        var report = await fixture.Client.UpsertAsync([added]);

        Assert.Equal(1, report.Added);
        Assert.Equal([new ShardRouter(ClusterFixture.ShardCount).ShardOf(added.Id)], report.Shards);
        Assert.True(report.Generation > before.Generation);
        Assert.Equal("violet kayak paddle", (await fixture.Client.GetProductAsync(added.Id))?.Title);
        var found = await fixture.Client.SearchAsync(new SearchRequest { Query = "kayak paddle", Mode = SearchMode.Bm25, K = 5 });
        Assert.Equal(added.Id, found.Response.Hits[0].Product.Id);
        Assert.Equal(report.Generation, (await fixture.Client.GetHealthAsync()).Generation);

        await fixture.Client.DeleteAsync([added.Id]);
        Assert.Null(await fixture.Client.GetProductAsync(added.Id));
        Assert.DoesNotContain((await fixture.Client.SearchAsync(new SearchRequest { Query = "kayak paddle", Mode = SearchMode.Bm25, K = 5 })).Response.Hits,
            h => h.Product.Id == added.Id);
    }

    /// <summary>The product the write test adds and deletes again.</summary>
    private static readonly Product Written = new() { Id = "cluster-new-1", Title = "violet kayak paddle", Brand = "Paddler", Price = 42 };

    /// <summary>
    /// Texts to suggest for, from the catalog's queries, titles and brands, but none that <see cref="Written"/>'s words
    /// or brand complete: its shard's index keeps counting a deleted product's terms until a merge (as one index would),
    /// and the write test may have run first.
    /// </summary>
    private static IReadOnlyList<string> StorefrontTexts(int count)
    {
        var products = ShardedCatalog.Products(count);
        string[] queries = ["leather boots", "white shoes", "waterproof jacket", "kids sneakers", "cotton shirt womens", "cordless dri", "sneekers", "classic sne"];
        var traces = Written.Title.Split(' ').Append(Written.Brand!.ToLowerInvariant()).ToArray();
        return ShardedCatalogs.SuggestionTexts(queries.Concat(products.Take(20).Select(p => p.Title)), products.Select(p => p.Brand!))
            .Where(t => t.Trim().Length == 0 || !traces.Any(w => w.StartsWith(t.Trim().Split(' ')[^1].ToLowerInvariant(), StringComparison.Ordinal)
                                                                    || w.StartsWith(t.Trim().ToLowerInvariant(), StringComparison.Ordinal)))
            .ToArray();
    }

    /// <summary>The one node opened again with past-query suggestions off: the cluster offers none (its shards keep no shoppers' searches).</summary>
    private SearchEngine SingleWithoutPastQueries() => SearchEngine.Open(new SearchEngineOptions
    {
        IndexPath = fixture.SinglePath, RefreshInterval = TimeSpan.Zero, PastQueries = new PastQueryOptions { MaxQueries = 0 },
    }, new HashingEmbedder());

    private IProductSearch Storefront => fixture.Cluster.Client.ServiceProvider.GetRequiredService<IProductSearch>();

    [Fact]
    public async Task A_storefront_s_questions_through_IProductSearch_equal_one_node()
    {
        using var single = SingleWithoutPastQueries();
        Assert.Same(fixture.Client, Storefront);
        var texts = StorefrontTexts(fixture.ProductCount);
        Assert.True(texts.Count > 100, $"{texts.Count} texts");
        await AssertSameStorefrontAnswers(single, texts);
        // Something to compare: brands and completions, departments, an attribute one shard alone widened to keyword.
        Assert.Contains(await Storefront.SuggestAsync("brand", 10), s => s.Kind == SuggestionKind.Brand);
        Assert.Contains(await Storefront.SuggestAsync("leather bo"), s => s.Kind == SuggestionKind.Query);
        Assert.Equal(4, (await Storefront.GetTopLevelCategoriesAsync()).Count);
        Assert.Equal(SchemaFieldType.Keyword, (await Storefront.GetSchemaAsync()).Find("pack")?.Type);
        var search = new SearchRequest { Query = "leather boots", K = 10, Filters = ShardedCatalog.Everything };
        Assert.Null(AnswerComparison.FirstDifference(single.Search(search), await Storefront.SearchAsync(search)));
    }

    [Fact]
    public async Task Bad_storefront_input_is_refused_through_the_cluster_as_one_node_refuses_it()
    {
        Assert.Equal("text", (await Assert.ThrowsAsync<ArgumentException>(() => Storefront.SuggestAsync(new string('a', SearchEngine.MaxSuggestionPrefixLength + 1)))).ParamName);
        Assert.Equal("max", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storefront.SuggestAsync("boots", 21))).ParamName);
        foreach (var id in new[] { "", "   ", new string('p', SearchEngine.MaxProductIdLength + 1) })
            Assert.Equal("productId", (await Assert.ThrowsAsync<ArgumentException>(() => Storefront.GetProductAsync(id))).ParamName);
        Assert.Null(await Storefront.GetProductAsync("no-such-product"));
    }

    [Fact]
    public async Task A_product_without_an_id_and_a_request_out_of_range_are_refused_naming_them()
    {
        var before = await fixture.Client.GetHealthAsync();

        var write = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.UpsertAsync([new Product { Id = " ", Title = "nameless" }]));
        var search = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Client.SearchAsync(new SearchRequest { Query = "boots", K = 0 }));
        var budget = Assert.Throws<ArgumentException>(() => new ClusterRequestOptions { Budget = TimeSpan.Zero }.Validate());

        Assert.Equal("products", write.ParamName);
        Assert.Equal("K", search.ParamName);
        Assert.Equal("Budget", budget.ParamName);
        Assert.Equal(before.Generation, (await fixture.Client.GetHealthAsync()).Generation);
    }

    [Fact]
    public async Task A_search_that_cannot_finish_within_its_budget_fails_with_a_clear_error()
    {
        var options = new ClusterRequestOptions { Budget = TimeSpan.FromMilliseconds(1), HedgeAfter = TimeSpan.FromMilliseconds(1), ResendAfter = TimeSpan.FromMilliseconds(1) };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.SearchAsync(new SearchRequest { Query = "leather boots" }, options));

        Assert.True(error is ShardUnavailableException or TimeoutException, error.GetType().Name);
        Assert.Contains("within", error.Message);
    }

    private ShardHost Host(Orleans.TestingHost.InProcessSiloHandle silo) => fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<ShardHost>();

    /// <summary>The cluster's suggestions for <paramref name="texts"/>, departments and schema, through <see cref="IProductSearch"/>, equal <paramref name="single"/>'s.</summary>
    private async Task AssertSameStorefrontAnswers(SearchEngine single, IReadOnlyList<string> texts)
    {
        var differences = new List<string>();
        foreach (var text in texts)
        {
            var expected = single.Suggest(text);
            var actual = await Storefront.SuggestAsync(text);
            if (!expected.SequenceEqual(actual)) differences.Add($"'{text}': one node [{string.Join(", ", expected)}], cluster [{string.Join(", ", actual)}]");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {texts.Count} suggestion lists differ; first: {differences.FirstOrDefault()}");
        Assert.Equal(single.GetTopLevelCategories(), await Storefront.GetTopLevelCategoriesAsync());
        Assert.Equal(single.Schema.ToJson(), (await Storefront.GetSchemaAsync()).ToJson());
    }

    private async Task AssertSameAnswers(SearchEngine single, IEnumerable<string> ids)
    {
        foreach (var request in ShardedCatalog.Requests())
        {
            var expected = await single.SearchAsync(request);
            var actual = (await fixture.Client.SearchAsync(request)).Response;
            Assert.True(AnswerComparison.FirstDifference(expected, actual) is null,
                $"{request.Mode} '{request.Query}' at {request.Offset}: {AnswerComparison.FirstDifference(expected, actual)}");
        }
        foreach (var id in ids)
            Assert.Equal(JsonSerializer.Serialize(single.GetProduct(id)), JsonSerializer.Serialize(await fixture.Client.GetProductAsync(id)));
    }
}
