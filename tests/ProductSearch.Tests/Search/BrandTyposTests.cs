using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>
/// Brands stay exact unless asked: a misspelt word is not matched within its edits against the brand field, where one
/// brand a letter away would bring its products alone; brands still match exactly, and as the word being typed.
/// </summary>
public sealed class BrandTyposTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SearchEngine _engine;

    public BrandTyposTests()
    {
        var path = _temp.File("index");
        _engine = TinyIndex.Serve(path, [
                new Product { Id = "z1", Title = "Compact Travel Kettle, 0.8 L", Brand = "Zorbex" },
                new Product { Id = "m1", Title = "Ceramic Coffee Mug", Brand = "Homely" },
                new Product { Id = "m2", Title = "Stoneware Coffee Mug Set", Brand = "Homely" },
            ]);
    }

    private string[] Bm25(string query, RankingProfile? profile = null, bool completeLastWord = false) =>
        _engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25, Ranking = profile, CompleteLastWord = completeLastWord })
            .Hits.Select(h => h.Product.Id).ToArray();

    [Fact]
    public void A_misspelt_word_is_not_matched_to_a_brand_within_its_edits()
    {
        Assert.Equal(["z1"], Bm25("zorbex")); // exactly: found
        Assert.Empty(Bm25("zorbax")); // one edit from the brand, a word no title holds
    }

    [Fact]
    public void Brands_match_within_edits_when_asked()
    {
        var asked = RankingProfile.Default with { Typos = TypoTolerance.Default with { Brands = true } };
        Assert.Equal(["z1"], Bm25("zorbax", asked));
    }

    [Fact]
    public void Title_words_still_forgive_typos_and_brands_still_complete_as_typed()
    {
        Assert.Equal(["z1"], Bm25("travle kettle"));
        Assert.Equal(["z1"], Bm25("zorb", completeLastWord: true));
    }

    [Fact]
    public void The_query_built_holds_no_fuzzy_clause_on_the_brand_field()
    {
        var settings = LexicalQuerySettings.Default with { Typos = TypoTolerance.Default };
        var query = LexicalQueryBuilder.Build(new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48), "zorbax", settings, _ => 0)!;
        var text = query.Query.ToString();
        Assert.Contains("title:zorbax~1", text);
        Assert.DoesNotContain("brand:zorbax~", text);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _temp.Dispose();
    }
}
