using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>
/// A query that negates something demotes the hybrid candidates whose title affirms it, and only those: a title that
/// itself says "without block" or "no buckle" is not demoted.
/// </summary>
public sealed class NegationDemotionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SearchEngine _engine;

    public NegationDemotionTests()
    {
        var index = _temp.File("index");
        (string Id, string Title)[] products =
        [
            ("with", "Chef Knife Set with Wooden Block, 15 Pieces"),
            ("without", "Chef Knife Set without Block, 5 Pieces"),
            ("organizer", "Knife Block Organizer for Kitchen Drawer"),
            ("roll", "Chef Knife Roll Bag, No Block Needed"),
            ("belt", "Leather Belt with Silver Buckle"),
            ("strap", "Leather Belt Strap, No Buckle"),
        ];
        _engine = TinyIndex.Serve(index, products.Select(p => new Product { Id = p.Id, Title = p.Title }));
    }

    private IReadOnlyList<SearchHit> Search(string query, RankingProfile? profile = null) =>
        _engine.Search(new SearchRequest { Query = query, K = 10, Explain = true, Ranking = profile }).Hits;

    [Fact]
    public void Titles_that_affirm_the_negated_word_are_demoted_and_those_that_deny_it_are_not()
    {
        var hits = Search("knife set w/o block").ToDictionary(h => h.Product.Id);
        var with = hits["with"];
        Assert.Equal((with.Explanation!.LexicalPart + with.Explanation.DensePart) * _engine.DefaultProfile.NegationDemotion, with.Score, 9);
        Assert.Contains("× 0.6", hits["with"].Explanation!.Formula);
        Assert.Contains("× 0.6", hits["organizer"].Explanation!.Formula);
        Assert.DoesNotContain("×", hits["without"].Explanation!.Formula);
        Assert.DoesNotContain("×", hits["roll"].Explanation!.Formula);
        Assert.Equal("without", Search("knife set w/o block")[0].Product.Id);
    }

    [Fact]
    public void A_negation_written_as_a_title_writes_it_is_still_a_negation()
    {
        // "Chef Knife Set without Block" holds "without block", yet the shopper's "without block" is what they lack:
        // only a phrase opening with a stop word ("without a cause") is asked whether it is a name.
        var hits = Search("knife set without block").ToDictionary(h => h.Product.Id);
        Assert.Contains("× 0.6", hits["with"].Explanation!.Formula);
        Assert.DoesNotContain("×", hits["without"].Explanation!.Formula);
        Assert.Equal("without", Search("knife set without block")[0].Product.Id);
    }

    [Fact]
    public void No_phrases_demote_without_leaving_the_query()
    {
        var hits = Search("leather belt no buckles");
        Assert.Equal("strap", hits[0].Product.Id);
        Assert.Contains("×", hits.Single(h => h.Product.Id == "belt").Explanation!.Formula);
    }

    [Fact]
    public void Demotion_can_be_turned_off_by_the_profile()
    {
        var off = RankingProfile.Default with { NegationDemotion = 1 };
        Assert.All(Search("knife set w/o block", off), h => Assert.DoesNotContain("×", h.Explanation!.Formula));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _temp.Dispose();
    }
}
