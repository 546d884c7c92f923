namespace ProductSearch.Lexical;

/// <summary>
/// The questions about the catalog's words that preparing a query asks (<see cref="Search.QueryPreparer"/>): how many
/// products use a word, which known words lie near a typo or complete a prefix, whether a title holds a phrase. Each
/// answer is a count, a list of counts or a yes/no that adds up across parts of a catalog (sums, unions with summed
/// counts, "any"), so a sharded index answers them exactly as one index holding every product would: the choices
/// made from the answers (<see cref="VocabularyRules"/>) run once, over the summed answers.
/// </summary>
internal interface ICatalogWords
{
    /// <summary>How many products hold each product locale, as the lexical index counts them.</summary>
    IReadOnlyList<WordCount> Locales();

    /// <summary>Whether the index has a spelling vocabulary (indexes built before it was added do not).</summary>
    bool HasSpelling { get; }

    /// <summary>How many products use <paramref name="word"/> (lowercase) in their title or brand.</summary>
    int Frequency(string word);

    /// <summary>How many products hold the analysed <paramref name="term"/> anywhere in their title, brand or description.</summary>
    int DocumentFrequency(string term);

    /// <summary>Every known word within <paramref name="maxEdits"/> edits of <paramref name="word"/>, with Lucene's similarity boost and its product count.</summary>
    IReadOnlyList<SpellingNeighbour> Neighbours(string word, int maxEdits);

    /// <summary>
    /// The words (three letters or more, no stop words) among the first <paramref name="scan"/> known words that start
    /// with <paramref name="prefix"/>, in term order, with their product counts (any count: the rules filter the sums).
    /// </summary>
    IReadOnlyList<WordCount> PrefixWords(string prefix, int scan);

    /// <summary>How many products use <paramref name="candidate"/> together with at least one of the <paramref name="context"/> words.</summary>
    int Together(IReadOnlyList<string> context, string candidate);

    /// <summary>Whether some title holds <paramref name="words"/> as a phrase, read as typed in <paramref name="locale"/>.</summary>
    bool AnyTitleHolds(string words, string locale);
}
