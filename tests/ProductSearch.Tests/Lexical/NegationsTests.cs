using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Lexical;

public sealed class NegationsTests
{
    [Theory]
    [InlineData("knife sets without block", "knife sets without", "block")]
    [InlineData("weighted blanket without glass beads", "weighted blanket without", "glass beads")]
    [InlineData("lights without wiring with switch", "lights without with switch", "wiring")]
    [InlineData("Brown Belt WITHOUT Buckle", "Brown Belt WITHOUT", "Buckle")]
    [InlineData("mug w/o handle, blue", "mug w/o , blue", "handle")]
    [InlineData("chair without wheels and a desk", "chair without and a desk", "wheels")]
    [InlineData("sugar-free gummy bears", "gummy bears", "sugar")]
    [InlineData("gluten free pasta", "pasta", "gluten")]
    [InlineData("dress without sleeves without a zip", "dress without without", "sleeves")]
    [InlineData("shoes without very long laces to tie", "shoes without to tie", "very long laces")]
    public void Reads_what_a_query_negates_and_drops_it(string query, string affirmed, string firstPhrase)
    {
        var parsed = Negations.Parse(query, includeNo: false);
        Assert.Equal(affirmed, parsed.Affirmed);
        Assert.Equal(firstPhrase, string.Join(' ', parsed.Phrases[0]));
    }

    [Theory]
    [InlineData("no show socks")]
    [InlineData("watch the game not your phone tshirt")]
    [InlineData("non stick pan")]
    [InlineData("without")]
    [InlineData("without wheels")] // nothing would be left to search for
    [InlineData("withoutwheels chair")]
    [InlineData("free shipping mug")]
    [InlineData("100% free range eggs")]
    [InlineData("hands free headset")]
    [InlineData("no 5 perfume")]
    [InlineData("")]
    public void Leaves_the_query_text_alone_where_nothing_is_negated_or_nothing_would_be_left(string query) =>
        Assert.Equal(query, Negations.Parse(query, includeNo: false).Affirmed);

    [Fact]
    public void No_phrases_stay_in_the_text_but_are_read_as_negations_when_asked()
    {
        var parsed = Negations.Parse("no show socks", includeNo: true);
        Assert.Equal("no show socks", parsed.Affirmed);
        Assert.Equal(["show", "socks"], parsed.Phrases.Single());
        Assert.True(Negations.Parse("no show socks", includeNo: false).IsEmpty);
        Assert.True(Negations.Parse("no 5 perfume", includeNo: true).IsEmpty);
    }

    [Theory]
    [InlineData("Pop Up Drain Without Overflow, Brushed Nickel", "Pop Up Drain Without , Brushed Nickel")]
    [InlineData("Leather Belt Strap, No Buckle", "Leather Belt Strap , No")]
    [InlineData("Stainless Steel Bottle, BPA-Free, 24 oz", "Stainless Steel Bottle , , 24 oz")]
    public void A_title_that_says_it_lacks_something_does_not_affirm_it(string title, string affirmed) =>
        Assert.Equal(affirmed, Negations.Parse(title, includeNo: true).Affirmed);

    [Fact]
    public void Bm25_no_longer_rewards_the_excluded_word_unless_told_to()
    {
        using var temp = new TempFolder();
        using (var writer = Bm25IndexWriter.Create(temp.Path))
        {
            writer.Upsert(1, new Product { Id = "a", Title = "Chef Knife Set without Block, 5 Pieces" });
            writer.Upsert(2, new Product { Id = "b", Title = "Bamboo Block Organizer" });
            writer.Commit();
        }
        using var searcher = Bm25Searcher.Open(temp.Path);

        Assert.Equal([1L], searcher.Search("knife sets without block", 10).Select(h => h.Key));
        var literal = LexicalQuerySettings.Default with { DropNegatedPhrases = false };
        Assert.Contains(2L, searcher.Search("knife sets without block", 10, literal).Select(h => h.Key));
    }
}
