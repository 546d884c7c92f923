using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Sharding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Sharding;

/// <summary>
/// Writing a sharded index: products go to the shard their id hashes to, a batch becomes visible to searches at once
/// through <c>generations.json</c>, searches already on a cluster generation finish on it, a writer that died between
/// the shards' commits and that move leaves the old generation standing, and bad shard counts are refused before
/// anything is written.
/// </summary>
public sealed class ShardedIndexWriterTests
{
    private static readonly CatalogReadReport Report = new() { Path = "test" };

    [Fact]
    public void A_products_shard_is_a_stable_hash_of_its_id_spread_over_every_shard()
    {
        var router = new ShardRouter(8);
        Assert.Equal(router.ShardOf("B07CXG6C9W"), new ShardRouter(8).ShardOf("B07CXG6C9W"));
        var counts = Enumerable.Range(0, 8000).GroupBy(i => router.ShardOf("p" + i)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardRouter(0));
    }

    [Fact]
    public void Each_shard_holds_exactly_the_products_routed_to_it_with_keys_unique_across_shards()
    {
        using var temp = new TempFolder();
        var products = TinyIndex.Products(60);
        using (var writer = ShardedIndexWriter.Open(temp.Path, 4, TinyIndex.Embedder, TinyIndex.ModelSource))
        {
            var report = writer.Write(products, Report, SyncMode.Mirror);
            Assert.True(report.Committed);
            Assert.Equal(60, report.ProductCount);
            Assert.Equal(60, report.Embedded);
        }
        var layout = new ShardedIndexLayout(temp.Path);
        var router = new ShardRouter(4);
        var keys = new List<long>();
        for (var shard = 0; shard < 4; shard++)
        {
            using var engine = TinyIndex.Open(layout.ShardFolder(shard));
            var held = engine.GetProductIds(Enumerable.Range(1, 60).Select(k => (long)k));
            Assert.Equal(products.Where(p => router.ShardOf(p.Id) == shard).Select(p => p.Id).Order(), held.Values.Order());
            keys.AddRange(held.Keys);
        }
        // Keys in the catalog's order, across shards, as one index gives them.
        Assert.Equal(Enumerable.Range(1, 60).Select(k => (long)k), keys.Order());
        Assert.Equal(1, layout.ReadGenerations().Generation);
    }

    [Fact]
    public async Task A_batch_becomes_visible_at_once_and_a_search_on_the_old_generation_still_answers_from_it()
    {
        using var temp = new TempFolder();
        using (var writer = ShardedIndexWriter.Open(temp.Path, 3, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(TinyIndex.Products(30), Report, SyncMode.Mirror);
        using var engine = ShardedSearchEngine.Open(temp.Path, new HashingEmbedder());
        var request = new SearchRequest { Query = "lamp", K = 100, Mode = SearchMode.Bm25 };
        var before = await engine.SearchAsync(request);

        using (var writer = ShardedIndexWriter.Open(temp.Path, null, TinyIndex.Embedder, TinyIndex.ModelSource))
        {
            var report = writer.Write(TinyIndex.Products(12, titlePrefix: "lamp "), Report, SyncMode.Upsert);
            Assert.Equal(2, report.Generations.Generation);
        }
        var after = await engine.SearchAsync(request);
        Assert.True(after.TotalHits > before.TotalHits, $"{after.TotalHits} lamps after the batch, {before.TotalHits} before");
        // A search begun on generation 1 reads generation 1 to the end (its shard commits stay open while it runs).
        var old = await engine.Coordinator.SearchAsync(request, 1);
        Assert.Null(AnswerComparison.FirstDifference(before, old));
    }

    [Fact]
    public async Task Shards_committed_past_a_generation_the_cluster_never_moved_to_are_put_back()
    {
        using var temp = new TempFolder();
        var layout = new ShardedIndexLayout(temp.Path);
        using (var writer = ShardedIndexWriter.Open(temp.Path, 2, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(TinyIndex.Products(20), Report, SyncMode.Mirror);
        var visible = layout.ReadGenerations();

        // A sharded writer that died after shard 0 committed and before generations.json moved: it held the visible commit's read lock.
        var shard0 = new IndexLayout(layout.ShardFolder(0));
        using (GenerationReadLock.TryShared(shard0.GenerationFolder(visible.Shards[0].Generation)))
        using (var shardWriter = IndexWriter.Open(layout.ShardFolder(0), TinyIndex.Embedder, TinyIndex.ModelSource))
            shardWriter.Write(TinyIndex.Products(5, titlePrefix: "ghost "), Report, SyncMode.Upsert);
        Assert.NotEqual(visible.Shards[0].Generation, shard0.ReadManifest().Generation);

        using (var engine = ShardedSearchEngine.Open(temp.Path, new HashingEmbedder()))
            Assert.Empty((await engine.SearchAsync(new SearchRequest { Query = "ghost", Mode = SearchMode.Bm25 })).Hits);
        using (ShardedIndexWriter.Open(temp.Path, null, TinyIndex.Embedder, TinyIndex.ModelSource))
            Assert.Equal(visible.Shards[0].Generation, shard0.ReadManifest().Generation);
    }

    [Fact]
    public async Task Shards_no_product_routes_to_are_empty_indexes_that_search_finds_nothing_in()
    {
        using var temp = new TempFolder();
        using (var writer = ShardedIndexWriter.Open(temp.Path, 8, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(TinyIndex.Products(2), Report, SyncMode.Mirror);
        Assert.Contains(new ShardedIndexLayout(temp.Path).ReadGenerations().Shards, m => m.ProductCount == 0);
        using var engine = ShardedSearchEngine.Open(temp.Path, new HashingEmbedder());
        Assert.Equal(2, (await engine.SearchAsync(new SearchRequest { Query = "t0 t1", K = 10 })).TotalHits);
    }

    [Fact]
    public void A_missing_or_different_shard_count_is_refused_before_anything_is_written()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "index");
        var missing = Assert.Throws<ArgumentException>(() => ShardedIndexWriter.Open(path, null, TinyIndex.Embedder, TinyIndex.ModelSource));
        Assert.Equal("shardCount", missing.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardedIndexWriter.Open(path, 0, TinyIndex.Embedder, TinyIndex.ModelSource));
        Assert.False(Directory.Exists(path));

        using (var writer = ShardedIndexWriter.Open(path, 2, TinyIndex.Embedder, TinyIndex.ModelSource))
            writer.Write(TinyIndex.Products(4), Report, SyncMode.Mirror);
        var other = Assert.Throws<ArgumentException>(() => ShardedIndexWriter.Open(path, 3, TinyIndex.Embedder, TinyIndex.ModelSource));
        Assert.Contains("2 shards", other.Message, StringComparison.Ordinal);
        Assert.Equal(2, new ShardedIndexLayout(path).ReadManifest().ShardCount);
        Assert.Throws<IncompatibleIndexException>(() => ShardedSearchEngine.Open(path, new HashingEmbedder(32)));
        Assert.Throws<IndexException>(() => ShardedSearchEngine.Open(temp.Path, new HashingEmbedder()));
    }
}
