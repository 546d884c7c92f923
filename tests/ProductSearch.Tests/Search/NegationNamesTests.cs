using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>
/// Negations through the whole engine: a "without" phrase some title holds as written is a name, searched as words
/// and demoting nothing; a real negation still demotes; Spanish and Japanese queries negate in their own words.
/// </summary>
public sealed class NegationNamesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SearchEngine _engine;

    public NegationNamesTests()
    {
        var index = _temp.File("index");
        (string Id, string Title, string Locale)[] products =
        [
            ("rebel", "Rebel Without a Cause (DVD)", "us"),
            ("casablanca", "Casablanca (DVD)", "us"),
            ("godfather", "The Godfather (DVD)", "us"),
            ("science", "Cause and Effect Science Kit", "us"),
            ("shirt", "Never Without Coffee Graphic Tee", "us"),
            ("lover", "Coffee Lover Graphic Tee", "us"),
            ("beans", "Organic Coffee Beans, 1 lb", "us"),
            ("kids", "Kids Water Bottle with Straw Lid, 12 oz", "us"),
            ("steel", "Stainless Steel Water Bottle with Straw", "us"),
            ("glass", "Glass Water Bottle, Screw Cap", "us"),
            ("sports", "Sports Water Bottle, Chug Lid", "us"),
            ("cable", "Auriculares de Diadema con Cable y Micrófono", "es"),
            ("usb", "Auriculares con Cable USB-C", "es"),
            ("wireless", "Auriculares Inalámbricos Bluetooth", "es"),
            ("rebelde", "Rebelde sin causa (DVD)", "es"),
            ("batteries", "LEDライト 電池付き", "jp"),
            ("lantern", "LEDランタン 単三電池 3本付属", "jp"),
            ("rechargeable", "LEDライト 充電式", "jp"),
        ];
        _engine = TinyIndex.Serve(index, products.Select(p => new Product { Id = p.Id, Title = p.Title, Locale = p.Locale }));
    }

    private IReadOnlyList<SearchHit> Search(string query, string locale = "us", SearchMode mode = SearchMode.Hybrid) =>
        _engine.Search(new SearchRequest { Query = query, K = 20, Explain = true, Locale = locale, Mode = mode }).Hits;

    private static bool Demoted(SearchHit hit) => hit.Explanation!.Formula.Contains('×', StringComparison.Ordinal);

    [Theory]
    [InlineData("rebel without a cause dvd")]
    [InlineData("rebel without a cause")]
    public void A_without_phrase_a_title_holds_is_a_name_that_ranks_first_and_demotes_nothing(string query)
    {
        var hits = Search(query);
        Assert.Equal("rebel", hits[0].Product.Id);
        Assert.DoesNotContain(hits, Demoted);
    }

    [Fact]
    public void A_title_that_says_without_something_is_not_taken_to_have_it()
    {
        // "never without coffee" opens with a thing, so it stays a negation (as "knife set without block" must, which
        // titles hold too); the tee's own title does not affirm coffee, so it leads, and the coffee products are demoted.
        var hits = Search("never without coffee tee");
        Assert.Equal("shirt", hits[0].Product.Id);
        Assert.False(Demoted(hits[0]));
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "beans")));
    }

    [Fact]
    public void The_words_of_a_name_stay_in_the_bm25_query()
    {
        // "a cause dvd" is searched: the other DVDs match it; before, BM25 searched "rebel without" alone.
        var ids = Search("rebel without a cause dvd", mode: SearchMode.Bm25).Select(h => h.Product.Id).ToList();
        Assert.Equal("rebel", ids[0]);
        Assert.Contains("casablanca", ids);
    }

    [Fact]
    public void A_real_negation_still_demotes_what_has_the_thing()
    {
        var hits = Search("water bottle without straw");
        Assert.Contains(hits[0].Product.Id, new[] { "glass", "sports" });
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "kids")));
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "steel")));
        Assert.DoesNotContain(hits.Where(h => h.Product.Id is "glass" or "sports"), Demoted);
    }

    [Fact]
    public void A_spanish_negation_demotes_titles_with_the_thing()
    {
        var hits = Search("auriculares sin cable", "es");
        Assert.Equal("wireless", hits[0].Product.Id);
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "cable")));
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "usb")));
    }

    [Fact]
    public void A_spanish_title_that_says_sin_something_still_ranks_first_for_it()
    {
        // "causa" names a thing, so it is a negation; the film's own title says "sin causa" and is not demoted.
        var hits = Search("rebelde sin causa", "es");
        Assert.Equal("rebelde", hits[0].Product.Id);
        Assert.False(Demoted(hits[0]));
    }

    [Fact]
    public void A_japanese_negation_demotes_titles_holding_the_thing()
    {
        var hits = Search("LEDライト 電池なし", "jp");
        Assert.Equal("rechargeable", hits[0].Product.Id);
        Assert.True(Demoted(hits.Single(h => h.Product.Id == "batteries")));
        Assert.False(Demoted(hits.Single(h => h.Product.Id == "rechargeable")));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _temp.Dispose();
    }
}
