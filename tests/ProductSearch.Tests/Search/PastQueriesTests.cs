using ProductSearch.Search;

namespace ProductSearch.Tests.Search;

/// <summary>The bounded counter of past queries behind past-query suggestions, on its own.</summary>
public sealed class PastQueriesTests
{
    [Theory]
    [InlineData("  White  Sneakers ", "white sneakers")]
    [InlineData("CORDLESS\tdrill", "cordless drill")]
    public void Queries_are_case_folded_and_trimmed(string typed, string counted) => Assert.Equal(counted, PastQueries.Normalize(typed));

    [Fact]
    public void Empty_and_overlong_texts_are_not_remembered()
    {
        Assert.Null(PastQueries.Normalize("   "));
        Assert.Null(PastQueries.Normalize(new string('a', PastQueries.MaxLength + 1)));
    }

    [Fact]
    public void A_query_is_offered_only_once_searched_the_minimum_number_of_times()
    {
        var past = new PastQueries(capacity: 100, minimumSearches: 3);
        past.Record("white sneakers");
        past.Record("white sneakers");
        Assert.Empty(past.Complete("whi", 5));
        past.Record("white sneakers");
        Assert.Equal([("white sneakers", 3)], past.Complete("whi", 5));
    }

    [Fact]
    public void Completions_match_by_prefix_most_searched_first()
    {
        var past = new PastQueries(capacity: 100, minimumSearches: 1);
        foreach (var (query, times) in new[] { ("white sneakers", 2), ("white dress", 5), ("whisk", 3), ("black sneakers", 9) })
            for (var i = 0; i < times; i++) past.Record(query);
        Assert.Equal(["white dress", "whisk", "white sneakers"], past.Complete("whi", 5).Select(q => q.Query));
        Assert.Equal(["white dress"], past.Complete("whi", 1).Select(q => q.Query));
        Assert.Equal(["white sneakers"], past.Complete("white s", 5).Select(q => q.Query));
        Assert.Empty(past.Complete("sneakers", 5)); // a prefix of the query, not any word of it
    }

    [Fact]
    public void Memory_stays_bounded_and_keeps_the_most_searched()
    {
        var past = new PastQueries(capacity: 8, minimumSearches: 1);
        for (var i = 0; i < 10; i++) past.Record("popular query");
        for (var i = 0; i < 1000; i++) past.Record($"odd query {i}");
        Assert.True(past.Count <= 8, $"{past.Count} queries remembered");
        Assert.Equal("popular query", past.Complete("p", 5).Single().Query);
    }

    [Fact]
    public void Forgetting_never_pushes_an_odd_query_over_the_threshold()
    {
        // A counter that gave a newcomer the evicted count (space-saving) would offer a query searched once.
        var past = new PastQueries(capacity: 4, minimumSearches: 3);
        for (var round = 0; round < 5; round++)
            foreach (var query in new[] { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot" })
                past.Record(query);
        past.Record("zulu once");
        Assert.Empty(past.Complete("zulu", 5));
    }

    [Fact]
    public void Concurrent_searches_count_every_search()
    {
        var past = new PastQueries(capacity: 100, minimumSearches: 1);
        Parallel.For(0, 4000, i => past.Record(i % 2 == 0 ? "drill" : "dress"));
        Assert.Equal([("dress", 2000), ("drill", 2000)], past.Complete("dr", 5));
    }
}
