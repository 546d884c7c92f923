using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>Synonyms set as a commit and applied to queries; Spanish and Japanese analysed in their own language.</summary>
public sealed class SynonymsAndLocalesTests(ShopperQueryFixture index) : IClassFixture<ShopperQueryFixture>
{
    [Fact]
    public void Synonyms_are_a_commit_applied_to_queries_and_a_bad_rule_changes_nothing()
    {
        using var temp = new TempFolder();
        var path = temp.File("index");
        using (var writer = IndexWriter.Open(path, new HashingEmbedder(), "hashing-test"))
            writer.Write(ShopperQueryFixture.Products.Where(p => p.Locale == "us").Select(p => new Product { Id = p.Id, Title = p.Title }), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = path, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new HashingEmbedder());
        string[] Bm25(string query) => engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25, CompleteLastWord = false }).Hits.Select(h => h.Product.Id).Order().ToArray();
        Assert.Empty(Bm25("trainers"));

        using (var writer = IndexWriter.Open(path, new HashingEmbedder(), "hashing-test"))
            Assert.Equal(2, writer.SetSynonyms("# shoes\nsneakers, trainers, running shoes\ntee => t-shirt\n").Manifest.Generation);
        Assert.True(engine.Refresh());
        Assert.Equal(["s1", "s2", "s3"], Bm25("trainers")); // "trainers" also searches "sneakers" (and the stem "sneaker")
        Assert.Equal(["t1"], Bm25("tee")); // rewritten to "t-shirt"

        using (var writer = IndexWriter.Open(path, new HashingEmbedder(), "hashing-test"))
        {
            var error = Assert.Throws<SynonymRulesException>(() => writer.SetSynonyms("sneakers, trainers\nboots => \n"));
            Assert.Equal(2, error.Line);
            Assert.Contains("line 2", error.Message);
        }
        Assert.False(engine.Refresh()); // nothing was committed: the previous synonyms stay
        Assert.Equal(["s1", "s2", "s3"], Bm25("trainers"));

        using (var writer = IndexWriter.Open(path, new HashingEmbedder(), "hashing-test")) writer.SetSynonyms(null);
        Assert.True(engine.Refresh());
        Assert.Empty(Bm25("trainers"));
    }

    [Fact]
    public void A_hit_found_through_a_synonym_has_the_synonym_found_in_its_title_marked()
    {
        using var temp = new TempFolder();
        var path = temp.File("index");
        using (var writer = IndexWriter.Open(path, new HashingEmbedder(), "hashing-test"))
        {
            writer.Write(ShopperQueryFixture.Products.Where(p => p.Locale == "us").Select(p => new Product { Id = p.Id, Title = p.Title }), new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
            writer.SetSynonyms("sneakers, trainers\ntee => t-shirt\n");
        }
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = path, RefreshInterval = TimeSpan.Zero, ResultCacheSize = 0 }, new HashingEmbedder());
        string Highlight(string query, string id) => engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25, CompleteLastWord = false })
            .Hits.Single(h => h.Product.Id == id).Highlight!;

        Assert.Equal("Trailwise Running <mark>Sneakers</mark> for Men", Highlight("trainers", "s3")); // equivalent words
        Assert.Equal("Lumora Girls&#x27; <mark>White</mark> Canvas <mark>Sneakers</mark>", Highlight("white trainers", "s1"));
        var tee = Highlight("tee", "t1"); // a one-way rule: the rewritten words are marked
        Assert.Contains("<mark>", tee);
        Assert.Contains("Shirt</mark>", tee);
        Assert.DoesNotContain("<mark>Cotton</mark>", tee);
    }

    [Fact]
    public void A_japanese_query_matches_japanese_titles_by_bigrams_only_when_read_as_japanese()
    {
        Assert.Empty(index.Bm25("白いスニーカー", locale: "us")); // one whitespace token that no title holds
        Assert.Equal("j1", index.Bm25("白いスニーカー", locale: "jp")[0]);
        Assert.Equal("j2", index.Bm25("コードレスドリル", locale: "ja")[0]);
    }

    [Fact]
    public void A_spanish_query_is_stemmed_and_stripped_of_spanish_stop_words()
    {
        Assert.Equal("e1", index.Bm25("zapato blanco para niñas", locale: "es")[0]);
        Assert.Equal("e2", index.Bm25("taladros inalámbricos", locale: "es")[0]);
    }

    [Fact]
    public void An_unknown_locale_is_refused_naming_the_known_ones()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => index.Engine.Search(new SearchRequest { Query = "shoes", Locale = "fr" }));
        Assert.Contains("'fr'", error.Message);
        Assert.Contains("us, es, jp", error.Message);
    }
}
