using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace ProductSearch.Lexical;

/// <summary>
/// The analysis shared by indexing and querying, one definition so that index-time and query-time terms can never
/// drift apart. English (<see cref="CatalogLocale.English"/>): whitespace tokenizing, then Lucene's
/// <see cref="WordDelimiterFilter"/> (splits <c>E-Cloth</c>, <c>1/2</c> and <c>8-Ounce</c> into parts and also indexes
/// the joined word <c>ecloth</c>, so a shopper who types the brand without its hyphen still matches; drops English
/// possessives), lowercase, English stop words, Porter stemming. Spanish: the same split, Spanish stop words and
/// Lucene's light Spanish stemmer. Japanese: Lucene's standard tokenizer, full- and half-width folded, CJK bigrams.
/// The <see cref="LexicalFields.Spelling"/> field stops before stop words and stems. On the ESCI sample the English
/// chain lifted hybrid nDCG@10 by about 0.007 over Lucene's <c>EnglishAnalyzer</c> (benchmarks/RESULTS.md, "Ranking").
/// </summary>
public static class ProductAnalyzer
{
    /// <summary>The Lucene version all analysis runs at.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Names this analysis, and the fields the BM25 index holds, in the index manifest: an index made by another one
    /// must have its BM25 index rebuilt (from the stored products, without re-embedding), since its terms or fields
    /// would no longer be the ones queries look for. v3 added <see cref="LexicalFields.CombinedText"/> and
    /// <see cref="LexicalFields.AffirmedTitle"/>; v4 <see cref="LexicalFields.Spelling"/>; v5 analyses Spanish and
    /// Japanese products in their own language; v6 reads the negations of Spanish and Japanese titles in their own
    /// language (<see cref="LexicalFields.AffirmedTitle"/>) and keeps the positions of <see cref="LexicalFields.Spelling"/>.
    /// </summary>
    public const string Name = "product-v6";

    /// <summary>The analysis of indexes built before <see cref="Name"/> was recorded (Lucene's EnglishAnalyzer).</summary>
    public const string LegacyName = "english-v1";

    // Case changes are not split ("iPhone" stays one word): shoppers type brand and model names in any case.
    private const WordDelimiterFlags DelimiterFlags =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS |
        WordDelimiterFlags.CATENATE_WORDS | WordDelimiterFlags.CATENATE_NUMBERS | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    /// <summary>
    /// Creates the analyzer of <paramref name="locale"/> (<see cref="CatalogLocale"/>; cheap, thread-safe once built).
    /// With <paramref name="synonyms"/> (for queries only), Lucene's <see cref="SynonymFilter"/> ends the chain, so the
    /// rules, analysed the same way, match stems.
    /// </summary>
    public static Analyzer Create(string locale = CatalogLocale.English, SynonymMap? synonyms = null) => new ProductTextAnalyzer(CatalogLocale.OfProduct(locale), synonyms, DelimiterFlags);

    /// <summary>
    /// The analysis synonym rules are read with: the same chain, but split words are not also joined (<c>t-shirt</c> gives
    /// <c>t shirt</c>, not a stacked <c>tshirt</c> too), because a rule must be a plain sequence of terms.
    /// </summary>
    internal static Analyzer CreateForSynonymRules(string locale = CatalogLocale.English) =>
        new ProductTextAnalyzer(CatalogLocale.OfProduct(locale), null, DelimiterFlags & ~(WordDelimiterFlags.CATENATE_WORDS | WordDelimiterFlags.CATENATE_NUMBERS));

    private sealed class ProductTextAnalyzer(string locale, SynonymMap? synonyms, WordDelimiterFlags delimiterFlags) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        // Per field (the strategy above): the spelling field's chain differs, and the default would reuse one chain for all.
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var spelling = fieldName == LexicalFields.Spelling;
            if (locale == CatalogLocale.Japanese)
            {
                var standard = new StandardTokenizer(Version, reader);
                TokenStream cjk = new CJKWidthFilter(standard);
                cjk = new LowerCaseFilter(Version, cjk);
                if (!spelling) cjk = new CJKBigramFilter(cjk);
                return new TokenStreamComponents(standard, WithSynonyms(cjk));
            }
            var source = new WhitespaceTokenizer(Version, reader);
            TokenStream stream = new WordDelimiterFilter(Version, source, delimiterFlags, null);
            stream = new LowerCaseFilter(Version, stream);
            // The spelling vocabulary keeps words as shoppers type them: no stop words dropped, no stems.
            if (spelling) return new TokenStreamComponents(source, stream);
            if (locale == CatalogLocale.Spanish)
            {
                stream = new StopFilter(Version, stream, SpanishAnalyzer.DefaultStopSet);
                stream = new SpanishLightStemFilter(stream);
            }
            else
            {
                stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
                stream = new PorterStemFilter(stream);
            }
            return new TokenStreamComponents(source, WithSynonyms(stream));
        }

        private TokenStream WithSynonyms(TokenStream stream) => synonyms is null ? stream : new SynonymFilter(stream, synonyms, ignoreCase: false);
    }
}
