using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;
using ProductSearch.Lexical;

namespace ProductSearch.Tests.Lexical;

/// <summary>
/// What typo tolerance may cost one query: at most <see cref="TypoTolerance.MaxWordsPerQuery"/> unknown words are
/// widened, and only in the title (and brand when asked), never in the long description field.
/// </summary>
public sealed class TypoBudgetTests
{
    private static LexicalQuery Build(string text) =>
        LexicalQueryBuilder.Build(new WhitespaceAnalyzer(LuceneVersion.LUCENE_48), text, LexicalQuerySettings.Default with { Typos = TypoTolerance.Default }, _ => 0)!;

    [Fact]
    public void Only_the_first_few_unknown_words_of_a_query_are_widened()
    {
        var query = Build("qwertz asdfgh yxcvbn poiuzt lkjhgf mnbvcx");
        Assert.Equal(["qwertz", "asdfgh", "yxcvbn", "poiuzt"], query.FuzzyTerms);
        var text = query.Query.ToString();
        Assert.Contains("title:poiuzt~1", text);
        Assert.DoesNotContain("lkjhgf~", text);
        Assert.Contains("title:lkjhgf", text); // still searched, exactly
    }

    [Fact]
    public void The_description_field_is_matched_exactly()
    {
        var text = Build("snekers").Query.ToString();
        Assert.Contains("title:snekers~1", text);
        Assert.DoesNotContain("description:snekers~", text);
        Assert.Contains("description:snekers^0.1", text);
    }

    [Fact]
    public void A_word_longer_than_any_catalog_word_is_matched_exactly()
    {
        // A Levenshtein automaton grows with the word: a fuzzed 100,000-letter word took 15 s before the limit.
        Assert.Equal(0, TypoTolerance.Default.MaxEdits(TypoTolerance.MaxWordLength + 1));
        Assert.Equal(2, TypoTolerance.Default.MaxEdits(TypoTolerance.MaxWordLength));
        var query = Build(new string('a', 100_000));
        Assert.Empty(query.FuzzyTerms);
    }

    [Fact]
    public void A_word_the_vocabulary_found_nothing_near_is_not_widened_and_does_not_use_up_the_budget()
    {
        var settings = LexicalQuerySettings.Default with { Typos = TypoTolerance.Default, WordsWithNothingNear = new HashSet<string> { "qwertz", "asdfgh" } };
        var query = LexicalQueryBuilder.Build(new WhitespaceAnalyzer(LuceneVersion.LUCENE_48), "qwertz asdfgh snekers yxcvbn poiuzt lkjhgf", settings, _ => 0)!;
        Assert.Equal(["snekers", "yxcvbn", "poiuzt", "lkjhgf"], query.FuzzyTerms);
        Assert.DoesNotContain("qwertz~", query.Query.ToString());
    }
}
