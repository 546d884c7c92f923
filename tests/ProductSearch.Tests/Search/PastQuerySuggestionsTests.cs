using System.Text;
using ProductSearch.Behavior;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>
/// Suggestions from past queries through the engine: fed by its own searches and by a behaviour log read when it
/// opens, never offering what found nothing, what was half typed or misspelt, or one shopper's odd query.
/// </summary>
public sealed class PastQuerySuggestionsTests(ShopperQueryFixture index) : IClassFixture<ShopperQueryFixture>
{
    private SearchEngine Open(PastQueryOptions past) =>
        SearchEngine.Open(new SearchEngineOptions { IndexPath = index.IndexPath, RefreshInterval = TimeSpan.Zero, PastQueries = past }, new HashingEmbedder());

    private static void Search(SearchEngine engine, string query, int times = 1, SearchMode mode = SearchMode.Bm25, int offset = 0, bool fromShopper = true)
    {
        for (var i = 0; i < times; i++)
            engine.Search(new SearchRequest { Query = query, Mode = mode, Offset = offset, FromShopper = fromShopper });
    }

    [Fact]
    public void A_query_searched_often_enough_that_found_something_is_suggested_first_as_a_past_query()
    {
        using var engine = Open(new PastQueryOptions { MinimumSearches = 2 });
        Assert.DoesNotContain(engine.Suggest("whi"), s => s.Kind == SuggestionKind.PastQuery);
        Search(engine, "White Sneakers");
        Search(engine, "  white   sneakers ", mode: SearchMode.Hybrid);
        var first = engine.Suggest("Whi")[0];
        Assert.Equal(new Suggestion("white sneakers", SuggestionKind.PastQuery, 0) { Searches = 2 }, first);
    }

    [Fact]
    public void A_past_query_and_the_same_catalog_completion_are_offered_once()
    {
        using var engine = Open(new PastQueryOptions { MinimumSearches = 1 });
        Search(engine, "cordless drill");
        var suggestions = engine.Suggest("cordless dr");
        Assert.Single(suggestions, s => s.Text == "cordless drill");
        Assert.Equal(SuggestionKind.PastQuery, suggestions[0].Kind);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Text).Distinct().Count());
    }

    [Fact]
    public void What_found_nothing_or_was_searched_too_rarely_is_never_suggested()
    {
        using var engine = Open(new PastQueryOptions { MinimumSearches = 3 });
        Search(engine, "unicorn saddle", times: 5); // BM25 finds nothing
        Search(engine, "homely tea towels", times: 2); // one shopper, twice: below the minimum
        Assert.Empty(engine.Suggest("unicorn"));
        Assert.DoesNotContain(engine.Suggest("homely"), s => s.Kind == SuggestionKind.PastQuery);
        Search(engine, "homely tea towels");
        Assert.Contains(engine.Suggest("homely"), s => s is { Kind: SuggestionKind.PastQuery, Text: "homely tea towels", Searches: 3 });
    }

    [Fact]
    public void Half_typed_misspelt_paged_and_app_searches_are_not_counted()
    {
        using var engine = Open(new PastQueryOptions { MinimumSearches = 1 });
        Search(engine, "white sne", times: 3); // found by prefix as the shopper typed
        Search(engine, "white snekers", times: 3); // found by typo tolerance ("did you mean")
        Search(engine, "white canvas", offset: 1, times: 3); // a further page of a search already counted
        Search(engine, "trailwise running", fromShopper: false, times: 3); // facets, evaluations
        Assert.DoesNotContain(engine.Suggest("white"), s => s.Kind == SuggestionKind.PastQuery);
        Assert.DoesNotContain(engine.Suggest("trail"), s => s.Kind == SuggestionKind.PastQuery);
    }

    [Fact]
    public void Past_queries_are_read_from_a_behaviour_log_when_the_engine_opens()
    {
        using var temp = new TempFolder();
        var now = DateTimeOffset.UtcNow;
        var lines = new StringBuilder();
        void Log(string query, string[] hits, int offset = 0, string? didYouMean = null)
        {
            var attributes = new Dictionary<string, string> { ["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (didYouMean is not null) attributes[UbiQueries.DidYouMeanAttribute] = didYouMean;
            lines.Append(Encoding.UTF8.GetString(UbiJsonWriter.ToLine(new UbiQuery
            {
                QueryId = Guid.NewGuid().ToString(), UserQuery = query, Timestamp = now, QueryResponseHitIds = hits, QueryAttributes = attributes,
            }))).Append('\n');
        }
        for (var i = 0; i < 3; i++)
        {
            Log("Kitchen Towels", ["k1"]);
            Log("kitchen tray", ["k2"], offset: 10); // page 2: not a search of its own
            Log("kitchen unicorn", []); // found nothing
            Log("kitchen towles", ["k1"], didYouMean: "kitchen towels");
        }
        lines.Append("{ not json\n");
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        File.WriteAllText(BehaviorLogFiles.PathOf(temp.Path, BehaviorLogFiles.QueriesStem, day, 0), lines.ToString());
        File.WriteAllText(BehaviorLogFiles.PathOf(temp.Path, BehaviorLogFiles.QueriesStem, day.AddDays(-200), 0), lines.ToString().Replace("Kitchen Towels", "kitchen tower"));

        using var engine = Open(new PastQueryOptions { MinimumSearches = 3, LogFolder = temp.Path, LogDays = 30 });
        var past = engine.Suggest("kitchen").Where(s => s.Kind == SuggestionKind.PastQuery).ToArray();
        Assert.Equal([("kitchen towels", 3)], past.Select(s => (s.Text, s.Searches)));

        Search(engine, "kitchen tray", times: 3); // and the engine's own searches count on top
        Assert.Contains(engine.Suggest("kitchen t"), s => s is { Kind: SuggestionKind.PastQuery, Text: "kitchen tray" });
    }

    [Fact]
    public void A_missing_log_folder_is_an_empty_history()
    {
        using var temp = new TempFolder();
        using var engine = Open(new PastQueryOptions { LogFolder = temp.File("not-there") });
        Assert.DoesNotContain(engine.Suggest("kitchen"), s => s.Kind == SuggestionKind.PastQuery);
    }

    [Fact]
    public void Turned_off_nothing_is_remembered()
    {
        using var engine = Open(new PastQueryOptions { MaxQueries = 0, MinimumSearches = 1 });
        Search(engine, "cordless drill");
        Assert.DoesNotContain(engine.Suggest("cordless"), s => s.Kind == SuggestionKind.PastQuery);
    }

    [Theory]
    [InlineData(0, 10_000, 90, "MinimumSearches")]
    [InlineData(3, -1, 90, "MaxQueries")]
    [InlineData(3, 2_000_000, 90, "MaxQueries")]
    [InlineData(3, 10_000, 0, "LogDays")]
    public void Absurd_past_query_options_are_refused_naming_the_option(int minimum, int max, int days, string named)
    {
        var options = new SearchEngineOptions { IndexPath = index.IndexPath, PastQueries = new PastQueryOptions { MinimumSearches = minimum, MaxQueries = max, LogDays = days } };
        var error = Assert.ThrowsAny<ArgumentException>(() => SearchEngine.Open(options, new HashingEmbedder()));
        Assert.Equal(named, error.ParamName);
        Assert.Contains("PastQueries:" + named, error.Message);
    }
}
