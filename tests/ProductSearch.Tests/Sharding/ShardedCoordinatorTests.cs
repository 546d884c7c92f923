using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// The coordinator on a small sharded index of its own: it sums a query's BM25 statistics once per cluster generation
/// (a repeat — another page, another filter — asks no shard again, another query does, and a new cluster generation
/// asks again and scores with the new counts); what it cannot answer as one index would is refused with the reason.
/// </summary>
public sealed class ShardedCoordinatorTests
{
    [Fact]
    public async Task Statistics_are_asked_once_per_query_and_cluster_generation()
    {
        using var temp = new TempFolder();
        var path = temp.File("sharded");
        using var writer = ShardedCatalogs.Write(path, 2, ShardedCatalogs.Demo(120));
        using var engine = ShardedSearchEngine.Open(path, new HashingEmbedder());
        var shards = engine.Shards.Select(s => new CountingShard(s)).ToArray();
        var coordinator = new ShardCoordinator(shards, new HashingEmbedder());
        int Asked() => shards.Sum(s => s.StatisticsAsked);
        var request = new SearchRequest { Query = "white shoes", K = 10, Mode = SearchMode.Bm25 };

        var first = await coordinator.SearchAsync(request, engine.Generations.Generation);
        Assert.Equal(2, Asked());
        await coordinator.SearchAsync(request with { Offset = 10, Filters = new SearchFilters { Conditions = [SearchFilter.Parse("price>=0")] } }, engine.Generations.Generation);
        Assert.Equal(2, Asked());
        Assert.Null(AnswerComparison.FirstDifference(first, await coordinator.SearchAsync(request, engine.Generations.Generation)));
        Assert.Equal(2, Asked());
        await coordinator.SearchAsync(request with { Query = "red lamp" }, engine.Generations.Generation);
        Assert.Equal(4, Asked());

        // More white shoes: a new cluster generation whose statistics change the scores.
        writer.Write(Enumerable.Range(0, 20).Select(i => new Product { Id = "new" + i, Title = "white shoes " + i, Price = 10 }),
            new CatalogReadReport { Path = "test" }, SyncMode.Upsert);
        var after = await coordinator.SearchAsync(request, engine.Generations.Generation);
        Assert.Equal(6, Asked());
        Assert.NotNull(AnswerComparison.FirstDifference(first, after));
        var uncached = new ShardCoordinator(engine.Shards, new HashingEmbedder());
        Assert.Null(AnswerComparison.FirstDifference(await uncached.SearchAsync(request, engine.Generations.Generation), after));
    }

    [Fact]
    public async Task A_shard_with_a_learned_second_stage_refuses_hybrid_searches_and_still_answers_bm25()
    {
        using var temp = new TempFolder();
        var path = temp.File("sharded");
        ShardedCatalogs.Write(path, 2, ShardedCatalogs.Demo(60)).Dispose();
        using var engine = ShardedSearchEngine.Open(path, new HashingEmbedder());
        File.WriteAllText(RankerStore.PathOf(new ShardedIndexLayout(path).ShardFolder(0)), "{}");

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => engine.SearchAsync(new SearchRequest { Query = "white shoes" }));
        Assert.Contains("learned second stage", refused.Message, StringComparison.Ordinal);
        Assert.NotEmpty((await engine.SearchAsync(new SearchRequest { Query = "white shoes", Mode = SearchMode.Bm25 })).Hits);
    }

    private sealed class CountingShard(IShardSearcher shard) : IShardSearcher
    {
        private int _statisticsAsked;

        public int StatisticsAsked => _statisticsAsked;

        public Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration, CancellationToken cancellationToken = default) =>
            shard.AnswerAsync(questions, clusterGeneration, cancellationToken);

        public Task<ShardPlan> PlanAsync(ShardQuery query, CancellationToken cancellationToken = default) => shard.PlanAsync(query, cancellationToken);

        public Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _statisticsAsked);
            return shard.StatisticsAsync(query, cancellationToken);
        }

        public Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth, CancellationToken cancellationToken = default) =>
            shard.RetrieveAsync(query, statistics, depth, cancellationToken);

        public Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default) =>
            shard.FetchAsync(query, keys, cancellationToken);
    }
}
