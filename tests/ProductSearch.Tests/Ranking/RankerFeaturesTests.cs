using ProductSearch.Ranking;

namespace ProductSearch.Tests.Ranking;

/// <summary>The second stage's features on hand-made query–title pairs, value by value.</summary>
public sealed class RankerFeaturesTests : IDisposable
{
    private readonly RankerFeatureExtractor _extractor = new();

    public void Dispose() => _extractor.Dispose();

    private Dictionary<string, float> Features(string query, string title, string? brand = null, FusedCandidate? fused = null,
        int fusedRank = 1, float lexicalScore = 0, bool affirms = false)
    {
        fused ??= new FusedCandidate(1, 0.5, new RetrieverHit(2, 7.5f), new RetrieverHit(4, 0.61f));
        var vector = RankerFeatureExtractor.Compute(_extractor.Query(query), _extractor.Product("p1", title, brand), new RankerCandidateInput(fused, fusedRank, lexicalScore, affirms));
        Assert.Equal(RankerFeatures.Names.Count, vector.Length);
        return RankerFeatures.Names.Select((name, i) => (name, vector[i])).ToDictionary(p => p.name, p => p.Item2);
    }

    [Fact]
    public void An_accessory_for_the_queried_product_has_the_query_words_only_after_for()
    {
        var f = Features("iphone 14", "7Edge Peacock Feather Phone Case for iPhone 14", "7Edge");

        Assert.Equal(1f, f["title_exact_share"]);
        Assert.Equal(1f, f["title_stemmed_share"]);
        Assert.Equal(1f, f["query_terms_after_for"]); // "iphone" and "14" come only after "for"
        Assert.Equal(1f, f["accessory_cues"]);        // "case", which the query does not ask for
        Assert.Equal(8f, f["title_words"]);
        Assert.Equal(2f, f["query_terms"]);
    }

    [Fact]
    public void Accessory_words_the_query_asks_for_are_not_cues()
    {
        var f = Features("iphone 14 case", "7Edge Peacock Feather Phone Case for iPhone 14");

        Assert.Equal(0f, f["accessory_cues"]);
        Assert.Equal(2f / 3, f["query_terms_after_for"], 5);
        Assert.Equal(0f, Features("tennis racket", "Wilson Tennis Racket")["accessory_cues"]);
        Assert.Equal(3f, Features("tennis racket", "Tennis Racket Overgrip, Replacement Grip Tape")["accessory_cues"]); // overgrip, replacement, grip
    }

    [Fact]
    public void Title_shares_count_typed_words_exactly_and_analysed_words_by_stem()
    {
        var f = Features("girls white shoes", "Girl's White Canvas Shoe");

        Assert.Equal(1f / 3, f["title_exact_share"], 5); // only "white" as typed
        Assert.Equal(1f, f["title_stemmed_share"]);      // girl, white, shoe
        Assert.Equal(0f, f["query_terms_after_for"]);
    }

    [Fact]
    public void Words_found_only_in_the_brand_are_counted()
    {
        var f = Features("kitchen basics flour sifter", "Stainless Steel Flour Sifter", "Kitchen Basics");

        Assert.Equal(2f, f["brand_only_terms"]);
        Assert.Equal(0.5f, f["title_stemmed_share"]);
    }

    [Fact]
    public void Negated_words_are_not_words_to_match_and_the_negation_hit_is_passed_through()
    {
        var f = Features("knife set without block", "Chef Knife Block Set, 15 Piece", affirms: true);

        Assert.Equal(1f, f["negation_hit"]);
        Assert.Equal(1f, f["query_negates"]);
        Assert.Equal(2f, f["query_terms"]);          // knife, set: "block" is negated, "without" is the trigger
        Assert.Equal(1f, f["title_stemmed_share"]);
        Assert.Equal(0f, Features("knife set", "Chef Knife Set")["query_negates"]);
    }

    [Fact]
    public void Numbers_and_units_match_after_normalisation()
    {
        Assert.Equal(1f, Features("1/2 inch drill bit", "Titanium Drill Bit, 0.5\" Shank")["quantities_matched"]);
        Assert.Equal(1f, Features("½ in drill bit", "Drill Bit 1/2 Inch")["quantities_matched"]);
        Assert.Equal(1f, Features("paper towels 6 pack", "Paper Towels, Pack of 6")["quantities_matched"]);
        var conflicting = Features("12 oz coffee mug", "Ceramic Coffee Mug, 16 oz");
        Assert.Equal(1f, conflicting["query_quantities"]);
        Assert.Equal(0f, conflicting["quantities_matched"]);
        Assert.Equal(1f, conflicting["quantities_conflicting"]);
        Assert.Equal(0f, Features("12 oz coffee mug", "Coffee Mug, 12 lb box")["quantities_matched"]); // same number, another unit
        Assert.Equal(1f, Features("iphone 14", "Case for iPhone 14, 6.1 Inch")["quantities_matched"]);  // a bare number matches any unit
    }

    [Fact]
    public void Retriever_ranks_and_scores_are_copied_and_missing_ones_take_the_sentinels()
    {
        var both = Features("shoes", "Shoes", fused: new FusedCandidate(1, 0.75, new RetrieverHit(3, 9.5f), new RetrieverHit(7, 0.42f)), fusedRank: 2, lexicalScore: 9.5f);
        Assert.Equal(2f, both["fused_rank"]);
        Assert.Equal(0.75f, both["fused_score"]);
        Assert.Equal(3f, both["lexical_rank"]);
        Assert.Equal(9.5f, both["lexical_score"]);
        Assert.Equal(7f, both["dense_rank"]);
        Assert.Equal(0.42f, both["dense_score"]);

        var denseOnly = Features("shoes", "Sandals", fused: new FusedCandidate(1, 0.2, null, new RetrieverHit(1, 0.5f)), lexicalScore: 0);
        Assert.Equal(RankerFeatures.MissingRank, denseOnly["lexical_rank"]);
        Assert.Equal(0f, denseOnly["lexical_score"]);
        var lexicalOnly = Features("shoes", "Shoes", fused: new FusedCandidate(1, 0.2, new RetrieverHit(1, 3f), null), lexicalScore: 3f);
        Assert.Equal(RankerFeatures.MissingRank, lexicalOnly["dense_rank"]);
        Assert.Equal(RankerFeatures.MissingScore, lexicalOnly["dense_score"]);
    }
}
