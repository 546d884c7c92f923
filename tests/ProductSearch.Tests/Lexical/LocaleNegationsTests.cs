using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Lexical;

/// <summary>
/// Spanish ("sin X", "libre de X", "X-free") and Japanese ("Xなし", "X無し", "X不使用", "Xフリー") negations, in queries
/// and in titles; and phrases the catalog calls names, which stay words.
/// </summary>
public sealed class LocaleNegationsTests
{
    [Theory]
    [InlineData("botella sin BPA", "botella sin", "BPA")]
    [InlineData("auriculares sin cable", "auriculares sin", "cable")]
    [InlineData("auriculares sin cable con micrófono", "auriculares sin con micrófono", "cable")]
    [InlineData("botella de agua libre de BPA, 1 litro", "botella de agua libre de , 1 litro", "BPA")]
    [InlineData("galletas sin azúcar añadido y sin gluten", "galletas sin y sin", "azúcar añadido")]
    [InlineData("pasta gluten-free", "pasta", "gluten")]
    public void Reads_spanish_negations(string query, string affirmed, string firstPhrase)
    {
        var parsed = Negations.Parse(query, CatalogLocale.Spanish, includeNo: false);
        Assert.Equal(affirmed, parsed.Affirmed);
        Assert.Equal(firstPhrase, string.Join(' ', parsed.Phrases[0]));
    }

    [Theory]
    [InlineData("sin cable")] // nothing would be left to search for
    [InlineData("libre de BPA")]
    [InlineData("cable no incluido")] // Spanish "no" negates verbs and adjectives; it is not read
    [InlineData("sinfonía de piano")]
    [InlineData("")]
    public void Leaves_spanish_text_alone_where_nothing_is_negated_or_nothing_would_be_left(string query) =>
        Assert.Equal(query, Negations.Parse(query, CatalogLocale.Spanish, includeNo: true).Affirmed);

    [Theory]
    [InlineData("ライト 電池なし", "ライト なし", "電池")]
    [InlineData("ジャム砂糖不使用", "ジャム不使用", "砂糖")] // a change of script ends the run
    [InlineData("アルカリ電池なし ライト", "アルカリなし ライト", "電池")]
    [InlineData("懐中電灯 電池無し", "懐中電灯 無し", "電池")]
    [InlineData("グルテンフリーパスタ", "フリーパスタ", "グルテン")]
    [InlineData("水筒 BPAフリー", "水筒 フリー", "BPA")]
    [InlineData("ふたなし マグカップ 蓋なし", "ふたなし マグカップ なし", "蓋")] // hiragana end the run: "ふた" is not read
    public void Reads_japanese_suffixed_negations(string query, string affirmed, string firstPhrase)
    {
        var parsed = Negations.Parse(query, CatalogLocale.Japanese, includeNo: false);
        Assert.Equal(affirmed, parsed.Affirmed);
        Assert.Equal(firstPhrase, string.Join(' ', parsed.Phrases[0]));
    }

    [Theory]
    [InlineData("電池なし")] // nothing would be left to search for
    [InlineData("ノンアルコールビール")] // ノン is not read: nothing bounds what it negates
    [InlineData("フリーサイズ Tシャツ")]
    [InlineData("なし")]
    public void Leaves_japanese_text_alone_where_nothing_is_negated_or_nothing_would_be_left(string query) =>
        Assert.Equal(query, Negations.Parse(query, CatalogLocale.Japanese, includeNo: true).Affirmed);

    [Fact]
    public void A_long_run_of_kanji_gives_at_most_eight_characters()
    {
        var parsed = Negations.Parse("一二三四五六七八九十なし", CatalogLocale.Japanese, includeNo: false);
        Assert.Equal("三四五六七八九十", parsed.Phrases.Single().Single());
    }

    [Fact]
    public void The_english_overload_reads_english_only()
    {
        Assert.True(Negations.Parse("botella sin BPA", includeNo: true).IsEmpty);
        Assert.Equal(Negations.Parse("knife set without block", includeNo: true).Affirmed,
            Negations.Parse("knife set without block", CatalogLocale.English, includeNo: true).Affirmed);
    }

    [Theory]
    [InlineData("us", "rebel without a cause dvd", "without a cause")]
    [InlineData("us", "life without the bad parts book", "without the bad")]
    [InlineData("es", "la vida sin un plan", "sin un plan")]
    public void A_phrase_that_opens_with_a_stop_word_and_that_the_catalog_calls_a_name_stays_words(string locale, string query, string asked)
    {
        var seen = new List<string>();
        var parsed = Negations.Parse(query, locale, includeNo: true, words => { seen.Add(words); return true; });
        Assert.True(parsed.IsEmpty);
        Assert.Equal(query, parsed.Affirmed);
        Assert.Equal(asked, Assert.Single(seen), ignoreCase: true);
    }

    [Theory]
    [InlineData("us", "knife set without block", "block")]
    [InlineData("us", "sugar free syrup", "sugar")]
    [InlineData("us", "bottle bpa-free", "bpa")]
    [InlineData("es", "rebelde sin causa dvd", "causa")]
    [InlineData("jp", "ライト 電池なし", "電池")]
    public void A_phrase_that_names_a_thing_at_once_is_a_negation_even_where_titles_hold_it(string locale, string query, string lacked)
    {
        // Titles hold "knife set without block" too, and searching such phrases as words cost nDCG on the ESCI sample:
        // the catalog is not asked about them at all.
        var seen = new List<string>();
        var parsed = Negations.Parse(query, locale, includeNo: true, words => { seen.Add(words); return true; });
        Assert.Empty(seen);
        Assert.Equal(lacked, parsed.Phrases.Single()[0], ignoreCase: true);
    }

    [Fact]
    public void A_phrase_that_is_no_name_is_still_a_negation()
    {
        var parsed = Negations.Parse("water bottle without straw", CatalogLocale.English, includeNo: false, _ => false);
        Assert.Equal("water bottle without", parsed.Affirmed);
        Assert.Equal(["straw"], parsed.Phrases.Single());
    }

    [Fact]
    public void Spanish_and_japanese_titles_that_say_they_lack_something_do_not_affirm_it()
    {
        using var temp = new TempFolder();
        using (var writer = Bm25IndexWriter.Create(temp.Path))
        {
            writer.Upsert(1, new Product { Id = "a", Title = "Botella sin BPA, 750 ml", Locale = "es" });
            writer.Upsert(2, new Product { Id = "b", Title = "Botella de plástico con BPA", Locale = "es" });
            writer.Upsert(3, new Product { Id = "c", Title = "いちごジャム 砂糖不使用", Locale = "jp" });
            writer.Upsert(4, new Product { Id = "d", Title = "いちごジャム 砂糖入り", Locale = "jp" });
            writer.Commit();
        }
        using var searcher = Bm25Searcher.Open(temp.Path);

        var bpa = searcher.KeysHoldingAny(LexicalFields.AffirmedTitle, ["bpa"]);
        Assert.Equal(1, bpa.Count);
        Assert.True(bpa.Contains(2));
        var sugar = searcher.KeysHoldingAny(LexicalFields.AffirmedTitle, ["砂糖"]);
        Assert.Equal(1, sugar.Count);
        Assert.True(sugar.Contains(4));
        // The titles still hold the phrases as written, for telling names from negations.
        Assert.True(searcher.AnyTitleHolds("sin BPA", CatalogLocale.Spanish));
        Assert.True(searcher.AnyTitleHolds("砂糖不使用", CatalogLocale.Japanese));
        Assert.False(searcher.AnyTitleHolds("sin azúcar", CatalogLocale.Spanish));
    }
}
