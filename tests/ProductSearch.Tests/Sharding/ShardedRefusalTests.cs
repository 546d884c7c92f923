using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary>What a sharded search cannot answer as one index would is refused with the reason, never answered differently.</summary>
public sealed class ShardedRefusalTests
{
    [Fact]
    public async Task A_shard_with_a_learned_second_stage_refuses_hybrid_searches_and_still_answers_bm25()
    {
        using var temp = new TempFolder();
        var path = temp.File("sharded");
        using (var writer = ShardedIndexWriter.Open(path, 2, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(ShardedCatalogs.Demo(60), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        using var engine = ShardedSearchEngine.Open(path, new HashingEmbedder());
        File.WriteAllText(RankerStore.PathOf(new ShardedIndexLayout(path).ShardFolder(0)), "{}");

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => engine.SearchAsync(new SearchRequest { Query = "white shoes" }));
        Assert.Contains("learned second stage", refused.Message, StringComparison.Ordinal);
        Assert.NotEmpty((await engine.SearchAsync(new SearchRequest { Query = "white shoes", Mode = SearchMode.Bm25 })).Hits);
    }
}
