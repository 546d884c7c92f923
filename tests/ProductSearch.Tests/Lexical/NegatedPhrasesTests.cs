using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Lexical;

public sealed class NegatedPhrasesTests
{
    [Theory]
    [InlineData("knife sets without block", "knife sets without")]
    [InlineData("weighted blanket without glass beads", "weighted blanket without")]
    [InlineData("lights without wiring with switch", "lights without with switch")]
    [InlineData("Brown Belt WITHOUT Buckle", "Brown Belt without")]
    [InlineData("mug w/o handle, blue", "mug without, blue")]
    [InlineData("chair without wheels and a desk", "chair without and a desk")]
    public void Drops_the_words_a_without_phrase_excludes(string query, string expected) =>
        Assert.Equal(expected, NegatedPhrases.Remove(query));

    [Theory]
    [InlineData("no show socks")]
    [InlineData("watch the game not your phone tshirt")]
    [InlineData("non stick pan")]
    [InlineData("without")]
    [InlineData("without wheels")] // nothing would be left to search for
    [InlineData("withoutwheels chair")]
    [InlineData("")]
    public void Leaves_other_text_alone(string query) => Assert.Equal(query, NegatedPhrases.Remove(query));

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
