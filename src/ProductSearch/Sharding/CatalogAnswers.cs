using ProductSearch.Lexical;

namespace ProductSearch.Sharding;

/// <summary>A word with its answer: how many products hold it.</summary>
/// <param name="Word">The word or term.</param>
/// <param name="Count">Products holding it.</param>
public sealed record CountAnswer(string Word, int Count);

/// <summary>The known neighbours of a typo.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="Neighbours">The known words near it, with their product counts.</param>
public sealed record NeighbourAnswer(NeighbourQuestion Question, IReadOnlyList<SpellingNeighbour> Neighbours);

/// <summary>The completions of a prefix.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="Words">The words starting with it, with their product counts.</param>
public sealed record PrefixAnswer(PrefixQuestion Question, IReadOnlyList<WordCount> Words);

/// <summary>How many products use a completion with the context words.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="Count">Products.</param>
public sealed record TogetherAnswer(TogetherQuestion Question, int Count);

/// <summary>Whether some title holds a phrase.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="Held">Whether one does.</param>
public sealed record TitleAnswer(TitleQuestion Question, bool Held);

/// <summary>
/// Answers about the catalog's words (<see cref="CatalogQuestions"/>): one shard's for its products, or every shard's
/// added up (<see cref="Sum"/>). A shard preparing a query with the summed answers prepares exactly the query one index
/// holding every product would. Plain data, for any transport.
/// </summary>
public sealed record CatalogAnswers
{
    /// <summary>No answers yet.</summary>
    public static CatalogAnswers None { get; } = new();

    /// <summary>Whether <see cref="Locales"/> and <see cref="HasSpelling"/> were answered.</summary>
    public bool HasFacts { get; init; }

    /// <summary>Products per product locale.</summary>
    public IReadOnlyList<CountAnswer> Locales { get; init; } = [];

    /// <summary>Whether the index has a spelling vocabulary.</summary>
    public bool HasSpelling { get; init; }

    /// <summary>Words' product counts in title or brand.</summary>
    public IReadOnlyList<CountAnswer> Frequencies { get; init; } = [];

    /// <summary>Terms' product counts in title, brand or description.</summary>
    public IReadOnlyList<CountAnswer> DocumentFrequencies { get; init; } = [];

    /// <summary>Typos' known neighbours.</summary>
    public IReadOnlyList<NeighbourAnswer> Neighbours { get; init; } = [];

    /// <summary>Prefixes' completions.</summary>
    public IReadOnlyList<PrefixAnswer> Prefixes { get; init; } = [];

    /// <summary>Completions' products shared with the context words.</summary>
    public IReadOnlyList<TogetherAnswer> Together { get; init; } = [];

    /// <summary>Phrases held by titles.</summary>
    public IReadOnlyList<TitleAnswer> Titles { get; init; } = [];

    /// <summary>
    /// The answers of every shard added up, and joined to the answers known before (<paramref name="known"/>): counts
    /// summed, lists joined with the counts of a word summed, "some title holds it" true when one shard's does.
    /// </summary>
    public static CatalogAnswers Sum(CatalogAnswers known, IEnumerable<CatalogAnswers> shards)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(shards);
        var parts = shards.ToArray();
        var facts = parts.Where(p => p.HasFacts).ToArray();
        return new CatalogAnswers
        {
            HasFacts = known.HasFacts || facts.Length > 0,
            Locales = known.HasFacts ? known.Locales : Counts(facts.SelectMany(p => p.Locales)),
            HasSpelling = known.HasFacts ? known.HasSpelling : facts.Any(p => p.HasSpelling),
            Frequencies = [.. known.Frequencies, .. Counts(parts.SelectMany(p => p.Frequencies))],
            DocumentFrequencies = [.. known.DocumentFrequencies, .. Counts(parts.SelectMany(p => p.DocumentFrequencies))],
            Neighbours = [.. known.Neighbours, .. parts.SelectMany(p => p.Neighbours).GroupBy(a => a.Question)
                .Select(g => new NeighbourAnswer(g.Key, g.SelectMany(a => a.Neighbours).GroupBy(n => n.Word, StringComparer.Ordinal)
                    .Select(w => new SpellingNeighbour(w.Key, w.Max(n => n.Boost), w.Sum(n => n.Count))).OrderBy(n => n.Word, StringComparer.Ordinal).ToArray()))],
            Prefixes = [.. known.Prefixes, .. parts.SelectMany(p => p.Prefixes).GroupBy(a => a.Question)
                .Select(g => new PrefixAnswer(g.Key, g.SelectMany(a => a.Words).GroupBy(w => w.Word, StringComparer.Ordinal)
                    .Select(w => new WordCount(w.Key, w.Sum(n => n.Count))).OrderBy(w => w.Word, StringComparer.Ordinal).ToArray()))],
            Together = [.. known.Together, .. parts.SelectMany(p => p.Together).GroupBy(a => a.Question.Id, StringComparer.Ordinal)
                .Select(g => new TogetherAnswer(g.First().Question, g.Sum(a => a.Count)))],
            Titles = [.. known.Titles, .. parts.SelectMany(p => p.Titles).GroupBy(a => a.Question).Select(g => new TitleAnswer(g.Key, g.Any(a => a.Held)))],
        };
    }

    private static CountAnswer[] Counts(IEnumerable<CountAnswer> counts) =>
        counts.GroupBy(c => c.Word, StringComparer.Ordinal).Select(g => new CountAnswer(g.Key, g.Sum(c => c.Count))).ToArray();
}
