namespace ProductSearch.Lexical;

/// <summary>
/// How a shopper's text becomes a BM25 query: field boosts, a proximity bonus, BM25's k1 and b, the negation rule,
/// typo tolerance, as-you-type completion of the last word, and the share of the query's words a product must match.
/// </summary>
/// <param name="FieldBoosts">Boost per text field; 0 or absent leaves a field out.</param>
/// <param name="ProximityBoost">Boost of a sloppy phrase of all query terms on the title (0: none); rewards titles holding the words close together.</param>
/// <param name="ProximitySlop">How many position moves the phrase allows.</param>
/// <param name="K1">BM25 term-frequency saturation.</param>
/// <param name="B">BM25 length normalisation (0: none, 1: full).</param>
/// <param name="DropNegatedPhrases">Leave the words a query negates ("without …", "…-free") out of the BM25 query (<see cref="Negations"/>).</param>
/// <param name="Typos">How query words may differ from catalog words; <c>null</c>: exact words only.</param>
/// <param name="PrefixWeight">Score of a product matching the last word only as a prefix (as typed so far), relative to an exact match; 0: no prefix matching.</param>
/// <param name="MinimumMatchShare">Share of the query's distinct terms a product must match to be a candidate (0: any one).</param>
public sealed record LexicalQuerySettings(IReadOnlyDictionary<string, float> FieldBoosts, float ProximityBoost = 0, int ProximitySlop = 3, float K1 = 1.2f, float B = LexicalQuerySettings.DefaultB,
    bool DropNegatedPhrases = true, TypoTolerance? Typos = null, double PrefixWeight = 0, double MinimumMatchShare = 0)
{
    /// <summary>
    /// Default BM25 b. Lucene's 0.75 punishes long titles hard; product titles are long for reasons unrelated to
    /// relevance (sizes, compatibility lists), and 0.4 ranked better on the ESCI sample.
    /// </summary>
    public const float DefaultB = 0.4f;

    /// <summary>
    /// Exact words only: <see cref="LexicalFields.DefaultBoosts"/>, no proximity bonus, k1 = 1.2, b = <see cref="DefaultB"/>,
    /// negated phrases dropped, no typos, no prefixes, no minimum share (ranking profiles add typos and prefixes).
    /// </summary>
    public static LexicalQuerySettings Default { get; } = new(LexicalFields.DefaultBoosts);

    /// <summary>
    /// Words (lowercase, as typed) already looked up in the catalog's vocabulary with no word of its titles or brands
    /// within their edits: widened, they could match nothing there, so they are matched exactly and cost no fuzzy
    /// clause (see <see cref="CatalogVocabulary.Correct(string, int, out bool)"/>). <c>null</c>: none known.
    /// </summary>
    public IReadOnlySet<string>? WordsWithNothingNear { get; init; }
}
