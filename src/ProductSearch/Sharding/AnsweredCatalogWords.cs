using ProductSearch.Lexical;

namespace ProductSearch.Sharding;

/// <summary>
/// Answers the questions about the catalog's words from answers gathered beforehand (every shard's, added up). A
/// question not answered yet is written down (<see cref="Missing"/>) and answered for now as an empty catalog would
/// ("nobody uses it", "no title holds it"): the query is then prepared again once the shards have answered, until a
/// preparation asks nothing new — the query one index holding every product would prepare.
/// </summary>
internal sealed class AnsweredCatalogWords : ICatalogWords
{
    private readonly CatalogAnswers _answers;
    private readonly Dictionary<string, int> _frequencies;
    private readonly Dictionary<string, int> _documentFrequencies;
    private readonly Dictionary<NeighbourQuestion, IReadOnlyList<SpellingNeighbour>> _neighbours;
    private readonly Dictionary<PrefixQuestion, IReadOnlyList<WordCount>> _prefixes;
    private readonly Dictionary<string, int> _together;
    private readonly Dictionary<TitleQuestion, bool> _titles;
    private bool _factsMissing;
    private readonly List<string> _missingFrequencies = [];
    private readonly List<string> _missingDocumentFrequencies = [];
    private readonly List<NeighbourQuestion> _missingNeighbours = [];
    private readonly List<PrefixQuestion> _missingPrefixes = [];
    private readonly List<TogetherQuestion> _missingTogether = [];
    private readonly List<TitleQuestion> _missingTitles = [];

    public AnsweredCatalogWords(CatalogAnswers answers)
    {
        _answers = answers;
        _frequencies = answers.Frequencies.ToDictionary(a => a.Word, a => a.Count, StringComparer.Ordinal);
        _documentFrequencies = answers.DocumentFrequencies.ToDictionary(a => a.Word, a => a.Count, StringComparer.Ordinal);
        _neighbours = answers.Neighbours.ToDictionary(a => a.Question, a => a.Neighbours);
        _prefixes = answers.Prefixes.ToDictionary(a => a.Question, a => a.Words);
        _together = answers.Together.ToDictionary(a => a.Question.Id, a => a.Count, StringComparer.Ordinal);
        _titles = answers.Titles.ToDictionary(a => a.Question, a => a.Held);
    }

    /// <summary>What was asked and not answered, each once.</summary>
    public CatalogQuestions Missing => new()
    {
        Facts = _factsMissing,
        Frequencies = _missingFrequencies.Distinct(StringComparer.Ordinal).ToArray(),
        DocumentFrequencies = _missingDocumentFrequencies.Distinct(StringComparer.Ordinal).ToArray(),
        Neighbours = _missingNeighbours.Distinct().ToArray(),
        Prefixes = _missingPrefixes.Distinct().ToArray(),
        Together = _missingTogether.DistinctBy(q => q.Id, StringComparer.Ordinal).ToArray(),
        Titles = _missingTitles.Distinct().ToArray(),
    };

    public IReadOnlyList<WordCount> Locales()
    {
        _factsMissing |= !_answers.HasFacts;
        return _answers.Locales.Select(l => new WordCount(l.Word, l.Count)).ToArray();
    }

    public bool HasSpelling
    {
        get
        {
            _factsMissing |= !_answers.HasFacts;
            // Until told, assume a vocabulary: the questions it leads to are then asked in the same round.
            return !_answers.HasFacts || _answers.HasSpelling;
        }
    }

    public int Frequency(string word) => Lookup(_frequencies, word, _missingFrequencies, word, 0);

    public int DocumentFrequency(string term) => Lookup(_documentFrequencies, term, _missingDocumentFrequencies, term, 0);

    public IReadOnlyList<SpellingNeighbour> Neighbours(string word, int maxEdits)
    {
        var question = new NeighbourQuestion(word, maxEdits);
        return Lookup(_neighbours, question, _missingNeighbours, question, []);
    }

    public IReadOnlyList<WordCount> PrefixWords(string prefix, int scan)
    {
        var question = new PrefixQuestion(prefix, scan);
        return Lookup(_prefixes, question, _missingPrefixes, question, []);
    }

    public int Together(IReadOnlyList<string> context, string candidate)
    {
        var question = new TogetherQuestion(context.ToArray(), candidate);
        return Lookup(_together, question.Id, _missingTogether, question, 0);
    }

    public bool AnyTitleHolds(string words, string locale)
    {
        var question = new TitleQuestion(words, locale);
        return Lookup(_titles, question, _missingTitles, question, false);
    }

    private static TAnswer Lookup<TKey, TQuestion, TAnswer>(Dictionary<TKey, TAnswer> known, TKey key, List<TQuestion> missing, TQuestion question, TAnswer unknown)
        where TKey : notnull
    {
        if (known.TryGetValue(key, out var answer)) return answer;
        missing.Add(question);
        return unknown;
    }
}
