namespace ProductSearch.Lexical;

/// <summary>The answers of one commit's BM25 index to the questions about the catalog's words.</summary>
internal sealed class LocalCatalogWords(Bm25Searcher searcher) : ICatalogWords
{
    public IReadOnlyList<WordCount> Locales() =>
        searcher.TermsStartingWith(FilterField.Locale.LuceneField, "", int.MaxValue).Select(t => new WordCount(t.Term, t.Products)).ToArray();

    public bool HasSpelling => searcher.Vocabulary.IsAvailable;

    public int Frequency(string word) => searcher.Vocabulary.Frequency(word);

    public int DocumentFrequency(string term) => searcher.DocumentFrequency(term);

    public IReadOnlyList<SpellingNeighbour> Neighbours(string word, int maxEdits) => searcher.Vocabulary.Neighbours(word, maxEdits);

    public IReadOnlyList<WordCount> PrefixWords(string prefix, int scan) => searcher.Vocabulary.PrefixWords(prefix, scan);

    public int Together(IReadOnlyList<string> context, string candidate) => searcher.Vocabulary.Together(context, candidate);

    public bool AnyTitleHolds(string words, string locale) => searcher.AnyTitleHolds(words, locale);
}
