using ProductSearch.Ranking;

namespace ProductSearch.Tests.Search;

/// <summary>
/// The BM25 relevance floor (<see cref="RankingProfile.MinimumMatchShare"/>): candidates matching too few of the
/// query's words are removed, and an explained search says which.
/// </summary>
public sealed class LexicalFloorTests(ShopperQueryFixture index) : IClassFixture<ShopperQueryFixture>
{
    private SearchResponse Search(string query, double share, bool explain = true) => index.Engine.Search(new SearchRequest
    {
        Query = query, Mode = SearchMode.Bm25, K = 20, CompleteLastWord = false, Explain = explain,
        Ranking = RankingProfile.Default with { MinimumMatchShare = share },
    });

    [Fact]
    public void Without_the_floor_a_product_matching_one_word_of_two_is_a_candidate()
    {
        var response = Search("white kitchen", 0);
        Assert.Contains("s1", response.Hits.Select(h => h.Product.Id)); // white only
        Assert.Contains("k1", response.Hits.Select(h => h.Product.Id)); // kitchen only
        Assert.Empty(response.LexicalBelowFloorIds);
    }

    [Fact]
    public void The_floor_removes_candidates_matching_too_few_words_and_explain_names_them()
    {
        var response = Search("white kitchen", 1.0); // every word: no product has both
        Assert.Empty(response.Hits);
        Assert.Equal(["k1", "k2", "k3", "s1", "s2"], response.LexicalBelowFloorIds.Order());
    }

    [Fact]
    public void Candidates_matching_enough_words_stay_and_are_not_reported()
    {
        var response = Search("white leather sneakers", 2.0 / 3);
        var kept = response.Hits.Select(h => h.Product.Id).ToArray();
        Assert.Contains("s2", kept); // all three words
        Assert.Contains("s1", kept); // white and sneakers
        Assert.Empty(kept.Intersect(response.LexicalBelowFloorIds));
        Assert.Contains("s3", response.LexicalBelowFloorIds); // sneakers only
    }

    [Fact]
    public void Only_an_explained_search_looks_for_what_the_floor_removed() =>
        Assert.Empty(Search("white kitchen", 1.0, explain: false).LexicalBelowFloorIds);
}
