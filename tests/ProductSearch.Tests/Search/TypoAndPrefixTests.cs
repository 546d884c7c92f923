using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Tests.Search;

/// <summary>Typo tolerance, as-you-type prefixes and "did you mean", on their happy and unhappy paths.</summary>
public sealed class TypoAndPrefixTests(ShopperQueryFixture index) : IClassFixture<ShopperQueryFixture>
{
    [Theory]
    [InlineData("snekers")] // deletion
    [InlineData("sneakres")] // transposition
    [InlineData("sneekers")] // substitution
    [InlineData("white sneakerrs")] // insertion, with a known word beside it
    public void A_typo_in_a_word_of_five_letters_or_more_still_finds_the_products(string query) =>
        Assert.Equal(["s1", "s2", "s3"], index.Bm25(query).Where(id => id.StartsWith('s')).Order().ToArray());

    [Fact]
    public void Typo_tolerance_can_be_turned_off_per_request() => Assert.Empty(index.Bm25("snekers", typos: false));

    [Fact]
    public void Words_under_five_letters_and_words_with_digits_stay_exact()
    {
        Assert.Empty(index.Bm25("trey", completeLastWord: false)); // "tray" is one edit away, but the word has 4 letters
        Assert.Equal(["m1"], index.Bm25("projector x100", completeLastWord: false).Take(1));
        Assert.DoesNotContain("m1", index.Bm25("x102", completeLastWord: false)); // a model number one edit away
    }

    [Fact]
    public void The_response_says_what_it_searched_for_instead()
    {
        var response = index.Engine.Search(new SearchRequest { Query = "white snekers" });
        Assert.Equal("white sneakers", response.DidYouMean);
        Assert.Null(index.Engine.Search(new SearchRequest { Query = "white sneakers" }).DidYouMean);
    }

    [Fact]
    public void A_match_with_a_typo_scores_below_an_exact_match_when_known_words_are_widened()
    {
        // "towel" is a known word, so by default it matches exactly; widened, it also matches "tower", one edit away.
        Assert.Equal(["k1"], index.Bm25("towel", completeLastWord: false));
        var widened = RankingProfile.Default with { Typos = TypoTolerance.Default with { KnownWordsToo = true } };
        var hits = index.Engine.Search(new SearchRequest { Query = "towel", Mode = SearchMode.Bm25, K = 10, Ranking = widened, CompleteLastWord = false }).Hits;
        Assert.Equal(["k1", "k3"], hits.Select(h => h.Product.Id));
        Assert.True(hits[1].Score < hits[0].Score);
    }

    [Theory]
    [InlineData("sne", new[] { "s1", "s2", "s3" })]
    [InlineData("cordless dri", new[] { "d1", "d2" })]
    [InlineData("kitchen tow", new[] { "k1", "k3" })]
    public void The_last_word_as_typed_matches_as_a_prefix(string query, string[] expected) =>
        Assert.Equal(expected, index.Bm25(query).Take(expected.Length).Order().ToArray());

    [Fact]
    public void A_trailing_space_or_the_request_ends_the_word()
    {
        Assert.Empty(index.Bm25("sne "));
        Assert.Empty(index.Bm25("sne", completeLastWord: false));
    }

    [Theory]
    [InlineData(1, 9, 0.6, "OneTypoFrom")]
    [InlineData(5, 40, 0.6, "TwoTyposFrom")]
    [InlineData(9, 5, 0.6, "TwoTyposFrom")]
    [InlineData(5, 9, 2.0, "Weight")]
    [InlineData(5, 9, -1.0, "Weight")]
    public void Absurd_typo_settings_are_refused_naming_the_setting(int one, int two, double weight, string named)
    {
        var profile = RankingProfile.Default with { Typos = new TypoTolerance(one, two, weight) };
        var error = Assert.ThrowsAny<ArgumentException>(() => index.Engine.Search(new SearchRequest { Query = "shoes", Ranking = profile }));
        Assert.Equal(named, error.ParamName);
    }

    [Fact]
    public void Suggestions_complete_the_last_word_in_context_and_name_brands()
    {
        Assert.Equal("sneakers", index.Engine.Suggest("sne")[0].Text);
        Assert.Equal("cordless drill", index.Engine.Suggest("cordless dr")[0].Text);
        Assert.Contains(index.Engine.Suggest("forge"), s => s.Text == "forgeline");
        Assert.Contains(index.Engine.Suggest("homely k"), s => s.Text == "homely kitchen");
        Assert.Empty(index.Engine.Suggest("sne "));
        Assert.Empty(index.Engine.Suggest("qqq"));
    }

    [Theory]
    [InlineData("tr")]
    [InlineData("forge")]
    [InlineData("homely k")]
    [InlineData("s")]
    public void Suggestions_never_exceed_the_number_asked_and_keep_a_place_for_brands(string text)
    {
        for (var max = 1; max <= 6; max++)
        {
            var suggestions = index.Engine.Suggest(text, max);
            Assert.InRange(suggestions.Count, 0, max);
            Assert.Equal(suggestions.Count, suggestions.Select(s => s.Text).Distinct().Count());
        }
        Assert.Contains(index.Engine.Suggest("tr", 2), s => s.Kind == SuggestionKind.Brand);
    }

    [Fact]
    public void Bad_suggestion_requests_are_refused_naming_the_parameter()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => index.Engine.Suggest(new string('a', 201))).ParamName);
        Assert.Equal("max", Assert.ThrowsAny<ArgumentException>(() => index.Engine.Suggest("sne", 0)).ParamName);
    }

    [Fact]
    public void Highlights_mark_exact_stemmed_typo_and_prefix_matches()
    {
        string Highlight(string query) => index.Engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25 }).Hits[0].Highlight!;
        Assert.Equal("Lumora <mark>Girls</mark>&#x27; <mark>White</mark> Canvas <mark>Sneakers</mark>", Highlight("girl white sneaker"));
        Assert.Contains("<mark>Sneakers</mark>", Highlight("snekers"));
        Assert.Contains("<mark>Drill</mark>", Highlight("cordless dri"));
    }

    [Fact]
    public void A_query_of_hundreds_of_distinct_words_searches()
    {
        var words = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}")) + " sneakers";
        var response = index.Engine.Search(new SearchRequest { Query = words, Mode = SearchMode.Bm25 });
        Assert.NotEmpty(response.Hits); // the rarest 100 terms are kept: "sneakers" is among them
    }
}
