using ProductSearch.Embedding;

namespace ProductSearch.Tests.Embedding;

public sealed class BertNormalizerTests
{
    private static readonly BertNormalizerOptions Uncased = new();

    [Theory]
    [InlineData("Straße", "straße")]
    [InlineData("Café CRÈME", "cafe creme")]
    [InlineData("foo\u200Bbar", "foobar")]           // format characters are deleted, not spaces
    [InlineData("a\u000Bb\fc", "abc")]               // \v and \f are controls: deleted
    [InlineData("a\u2028b", "a b")]                  // line separator is whitespace
    [InlineData("ΣΊΣΥΦΟΣ", "σισυφοσ")]              // per-character lowercase: no final sigma
    [InlineData("靴子", " 靴  子 ")]                  // CJK ideographs get spaces around them
    public void Follows_the_reference_rules(string input, string expected) =>
        Assert.Equal(expected, BertNormalizer.Normalize(input, Uncased));

    [Fact]
    public void Keeps_case_and_accents_when_told()
    {
        var cased = new BertNormalizerOptions { Lowercase = false, StripAccents = false };
        Assert.Equal("Café", BertNormalizer.Normalize("Café", cased));
    }

    [Fact]
    public void Keeps_the_noncharacter_U_FFFE_where_the_reference_does_instead_of_throwing()
    {
        // .NET's own normalizer refuses U+FFFE (a shopper's query could hold one: found by the storefront fuzz).
        Assert.Equal("cafe\uFFFEuber", BertNormalizer.Normalize("Café\uFFFEÜber", Uncased));
    }
}
