using ProductSearch.Lexical;

namespace ProductSearch.Tests.Lexical;

public sealed class ProductAnalyzerTests
{
    private static List<string> Terms(string text) => LexicalQueryBuilder.Analyze(ProductAnalyzer.Create(), LexicalFields.Title, text);

    [Fact]
    public void Hyphenated_names_are_indexed_in_parts_and_joined()
    {
        var terms = Terms("E-Cloth General Purpose Cloth");
        Assert.Contains("ecloth", terms);
        Assert.Contains("cloth", terms);
        Assert.Contains("e", terms);
    }

    [Fact]
    public void Numbers_split_on_punctuation_and_are_joined_too()
    {
        var terms = Terms("1/2 pint jars, 8-Ounce");
        Assert.Contains("1", terms);
        Assert.Contains("2", terms);
        Assert.Contains("12", terms);
        Assert.Contains("8", terms);
        Assert.Contains("ounc", terms); // Porter stem
    }

    [Fact]
    public void Possessives_stop_words_case_and_punctuation_go_stems_stay()
    {
        Assert.Equal(["girl", "white", "shoe"], Terms("Girls' White Shoes,"));
        Assert.Equal(["iphon", "case"], Terms("the iPhone (case)"));
        Assert.Empty(Terms("the and of"));
    }
}
