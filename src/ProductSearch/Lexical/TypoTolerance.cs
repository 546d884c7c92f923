namespace ProductSearch.Lexical;

/// <summary>
/// How far a query word may be from a catalog word and still match it, by the common rule of shopping search engines
/// (Algolia, Meilisearch, Typesense): no edit for words under <see cref="OneTypoFrom"/> letters, one from there, two
/// from <see cref="TwoTyposFrom"/>. Words with digits (model numbers, sizes) always match exactly. A match with typos
/// scores <see cref="Weight"/> times what the same word matched exactly would, so an exact match ranks above it. Brands
/// match exactly too unless <see cref="Brands"/> asks otherwise.
/// </summary>
/// <param name="OneTypoFrom">Shortest word allowed one edit (2–20).</param>
/// <param name="TwoTyposFrom">Shortest word allowed two edits (at least <paramref name="OneTypoFrom"/>, at most 30).</param>
/// <param name="Weight">Score of a typo match relative to an exact one (0–1).</param>
/// <param name="KnownWordsToo">
/// Also let words the catalog knows match others within their edits. Off by default: a known word ("shoes") is most
/// likely meant as typed, and widening it only adds near-miss products ("show", "shoe horn").
/// </param>
/// <param name="Brands">
/// Also let query words match the brand field within their edits. Off by default: a brand is a name, not a word, and
/// an unknown word a letter or two from one brand ("zorbax" for Zorbex) is more often something else the catalog lacks
/// than that brand misspelt — matched, it would bring the brand's products alone. Brand names still match exactly and as
/// the prefix being typed.
/// </param>
public sealed record TypoTolerance(int OneTypoFrom = 5, int TwoTyposFrom = 9, double Weight = 0.6, bool KnownWordsToo = false, bool Brands = false)
{
    /// <summary>
    /// Most unknown words of one query looked up within their edits (corrected, or matched by a fuzzy clause); the rest
    /// match exactly. Each look-up walks the catalog's term dictionary with a Levenshtein automaton — milliseconds for a
    /// two-edit word on a large vocabulary — and a text with more unknown words than this is pasted, foreign or noise,
    /// not a shopper's typos (a fuzzed 80-word query of such words took 0.2–0.4 s on the 6,764-product ESCI sample before
    /// this cap; RESULTS.md, "Hardening").
    /// </summary>
    public const int MaxWordsPerQuery = 4;

    /// <summary>
    /// Longest word looked up within its edits; longer ones match exactly. A Levenshtein automaton grows with the word,
    /// and no catalog word a shopper mistypes is this long: a fuzzed 100,000-letter word took 15 s to "correct" before
    /// this limit (RESULTS.md, "Hardening").
    /// </summary>
    public const int MaxWordLength = 40;

    /// <summary>The defaults: one edit from 5 letters, two from 9, typo matches at 0.6 of an exact one, unknown words only.</summary>
    public static TypoTolerance Default { get; } = new();

    /// <summary>The edits a word of <paramref name="length"/> letters may have (0, 1 or 2; 0 above <see cref="MaxWordLength"/>).</summary>
    public int MaxEdits(int length) => length > MaxWordLength ? 0 : length >= TwoTyposFrom ? 2 : length >= OneTypoFrom ? 1 : 0;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (OneTypoFrom is < 2 or > 20) throw new ArgumentOutOfRangeException(nameof(OneTypoFrom), OneTypoFrom, "OneTypoFrom must be between 2 and 20 letters.");
        if (TwoTyposFrom < OneTypoFrom || TwoTyposFrom > 30)
            throw new ArgumentOutOfRangeException(nameof(TwoTyposFrom), TwoTyposFrom, $"TwoTyposFrom must be between OneTypoFrom ({OneTypoFrom}) and 30 letters.");
        if (Weight is <= 0 or > 1 || double.IsNaN(Weight)) throw new ArgumentOutOfRangeException(nameof(Weight), Weight, "The typo weight must be above 0 and at most 1.");
    }
}
