using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

public sealed class IndexLifecycleTests
{
    private static SearchEngine Open(string path) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = path, Device = ComputeDevice.Cpu });

    private static Task<IndexCommitReport> Build(string catalog, string index) =>
        new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, index);

    [Fact]
    public void A_missing_index_folder_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-index-" + Guid.NewGuid());
        Assert.Contains(path, Assert.Throws<IndexException>(() => Open(path)).Message);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_an_index()
    {
        using var temp = new TempFolder();
        Assert.Contains("no manifest.json", Assert.Throws<IndexException>(() => Open(temp.Path)).Message);
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_previous_commit()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await Build(SmallCatalog.Write(temp.File("good.jsonl")), index);

        var bad = temp.File("bad.jsonl");
        File.WriteAllLines(bad, ["not json", """{"product_id":"x"}"""]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => Build(bad, index));
        Assert.Contains("no valid product", error.Message);
        await Assert.ThrowsAsync<CatalogException>(() => Build(temp.File("missing.jsonl"), index));

        using var engine = Open(index);
        Assert.Equal(1, engine.Manifest.Generation);
        Assert.Equal(SmallCatalog.Products.Length, engine.Manifest.ProductCount);
        Assert.Equal("p1", engine.Search(new SearchRequest { Query = "7edge peacock phone case" }).Hits[0].Product.Id);
        Assert.Single(Directory.GetDirectories(index, "gen-*"));
    }

    [Fact]
    public async Task A_rebuild_commits_a_new_generation_and_drops_the_old_one()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var catalog = SmallCatalog.Write(temp.File("c.jsonl"));
        await Build(catalog, index);
        File.AppendAllLines(catalog, ["""{"product_id":"n1","product_title":"Nimbus Girls' White Ballet Flats"}"""]);
        var report = await Build(catalog, index);

        Assert.Equal(2, report.Manifest.Generation);
        Assert.Equal(new[] { "gen-000002" }, Directory.GetDirectories(index, "gen-*").Select(Path.GetFileName));
        using var engine = Open(index);
        Assert.Equal(SmallCatalog.Products.Length + 1, engine.Manifest.ProductCount);
    }

    [Fact]
    public async Task An_index_from_an_older_lexical_analysis_is_refused_then_reanalysed_without_re_embedding()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var catalog = SmallCatalog.Write(temp.File("c.jsonl"));
        await Build(catalog, index);
        // A manifest as versions before the analysis was recorded wrote it.
        var layout = new IndexLayout(index);
        var legacy = layout.ReadManifest() with { LexicalAnalysis = null };
        layout.WriteManifest(legacy);

        var error = Assert.Throws<IncompatibleIndexException>(() => Open(index));
        Assert.Contains(ProductSearch.Lexical.ProductAnalyzer.LegacyName, error.Message);
        Assert.Equal(IndexIncompatibility.OlderLexicalAnalysis, error.Incompatibility);

        var report = await Build(catalog, index);
        Assert.True(report.Committed);
        Assert.Equal(0, report.Embedded);
        Assert.Equal(2, report.Manifest.Generation);
        Assert.Equal(ProductSearch.Lexical.ProductAnalyzer.Name, report.Manifest.LexicalAnalysis);
        using var engine = Open(index);
        Assert.Equal("b1", engine.Search(new SearchRequest { Query = "saddlecraft belt strap", Mode = SearchMode.Bm25 }).Hits[0].Product.Id);
        Assert.Equal(2, engine.Search(new SearchRequest { Query = "saddlecraft", Mode = SearchMode.Bm25 }).Hits.Count); // every product, once
    }

    [Fact]
    public async Task A_manifest_from_before_vector_storage_was_recorded_reads_as_f32_and_opens()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await Build(SmallCatalog.Write(temp.File("c.jsonl")), index);
        var path = Path.Combine(index, "manifest.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(json["hnsw"]!.AsObject().Remove("storage"));
        await File.WriteAllTextAsync(path, json.ToJsonString());

        Assert.Equal("f32", new IndexLayout(index).ReadManifest().Hnsw.Storage);
        using var engine = Open(index);
        Assert.Equal("p1", engine.Search(new SearchRequest { Query = "7edge peacock phone case", Mode = SearchMode.Dense }).Hits[0].Product.Id);
    }

    [Fact]
    public async Task A_damaged_vector_file_is_named_with_a_way_out()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var report = await Build(SmallCatalog.Write(temp.File("c.jsonl")), index);
        var vectors = new IndexLayout(index).VectorPath(report.Manifest.Generation);
        await File.WriteAllBytesAsync(vectors, new byte[100]);

        var error = Assert.Throws<IndexException>(() => Open(index));
        Assert.Contains(vectors, error.Message);
        Assert.Equal(ProductSearchErrorReason.DamagedIndex, error.Reason);
    }

    [Fact]
    public async Task A_damaged_manifest_is_named()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await Build(SmallCatalog.Write(temp.File("c.jsonl")), index);
        await File.WriteAllTextAsync(Path.Combine(index, "manifest.json"), "{ not json");
        Assert.Contains("manifest.json", Assert.Throws<IndexException>(() => Open(index)).Message);
    }
}
