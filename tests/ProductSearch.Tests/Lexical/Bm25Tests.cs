using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Lexical;

public sealed class Bm25Tests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Bm25Searcher _searcher;

    public Bm25Tests()
    {
        using (var writer = Bm25IndexWriter.Create(_temp.Path))
        {
            writer.Upsert(1, new Product { Id = "a", Title = "Girls' White Canvas Sneakers", Brand = "Lumora", Color = "White" });
            writer.Upsert(2, new Product { Id = "b", Title = "Men's Black Leather Boots", Brand = "Ironpeak", Color = "Black" });
            writer.Upsert(3, new Product { Id = "c", Title = "Kitchen Tea Towels, 6 Pack", Brand = "Homely", Color = "Gray", BulletPoints = "Cotton flour sack towels" });
            writer.Upsert(2, new Product { Id = "b", Title = "Men's Brown Leather Boots", Brand = "Ironpeak", Color = "Brown" }); // replaces key 2
            writer.Commit();
        }
        _searcher = Bm25Searcher.Open(_temp.Path);
    }

    [Fact]
    public void Finds_by_stemmed_title_words()
    {
        var hits = _searcher.Search("white sneaker girl", 10);
        Assert.Equal(1, hits[0].Key);
        Assert.Equal(3, _searcher.Count);
    }

    [Fact]
    public void Replaced_documents_are_searched_in_their_new_version()
    {
        Assert.Empty(_searcher.Search("black", 10));
        Assert.Equal(2, Assert.Single(_searcher.Search("brown boots", 10)).Key);
    }

    [Fact]
    public void Brand_and_bullets_are_searched_too()
    {
        Assert.Equal(3, _searcher.Search("homely", 10)[0].Key);
        Assert.Empty(_searcher.Search("flour sack", 10)); // bullets are off by default
        var withBullets = new LexicalQuerySettings(new Dictionary<string, float> { ["title"] = 1, ["bullets"] = 0.5f });
        Assert.Equal(3, _searcher.Search("flour sack", 10, withBullets)[0].Key);
    }

    [Theory]
    [InlineData("title:(a AND")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("white~ AND -black^3 OR [a TO z] {x} /re/ \\")]
    [InlineData("the and of")]
    public void Lucene_syntax_is_searched_as_plain_words_and_never_throws(string query)
    {
        // Syntax characters are delimiters like any punctuation: the answer is that of the words alone.
        var words = System.Text.RegularExpressions.Regex.Replace(query, @"[^\w\s]", " ");
        Assert.Equal(_searcher.Search(words, 10), _searcher.Search(query, 10));
    }

    [Fact]
    public void Syntax_characters_around_words_still_find_the_words() =>
        Assert.Equal(1, _searcher.Search("title:(white AND*", 10)[0].Key);

    public void Dispose()
    {
        _searcher.Dispose();
        _temp.Dispose();
    }
}
