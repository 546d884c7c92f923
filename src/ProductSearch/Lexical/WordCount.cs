namespace ProductSearch.Lexical;

/// <summary>A word (or term) of the catalog and how many products hold it.</summary>
/// <param name="Word">The word.</param>
/// <param name="Count">Products holding it.</param>
public sealed record WordCount(string Word, int Count);

/// <summary>A known word near a typo: the word, Lucene's similarity boost for its edit distance, and how many products use it.</summary>
/// <param name="Word">The known word.</param>
/// <param name="Boost">Lucene's <c>FuzzyTermsEnum</c> boost: higher is fewer edits for the length.</param>
/// <param name="Count">Products using it.</param>
public sealed record SpellingNeighbour(string Word, float Boost, int Count);
