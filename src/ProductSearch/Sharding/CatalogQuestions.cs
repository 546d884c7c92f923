namespace ProductSearch.Sharding;

/// <summary>A question for the known words near a typo: <see cref="Word"/> within <see cref="MaxEdits"/> edits.</summary>
/// <param name="Word">The word as typed (lowercase).</param>
/// <param name="MaxEdits">Most edits.</param>
public sealed record NeighbourQuestion(string Word, int MaxEdits);

/// <summary>A question for the words completing a prefix: those among the first <see cref="Scan"/> known words starting with <see cref="Prefix"/>.</summary>
/// <param name="Prefix">The prefix (lowercase).</param>
/// <param name="Scan">Most known words looked at.</param>
public sealed record PrefixQuestion(string Prefix, int Scan);

/// <summary>A question for how many products use <see cref="Candidate"/> together with one of the <see cref="Context"/> words.</summary>
/// <param name="Context">The words typed before.</param>
/// <param name="Candidate">A completion.</param>
public sealed record TogetherQuestion(IReadOnlyList<string> Context, string Candidate)
{
    internal string Id => string.Join('\u001f', Context) + '\u001e' + Candidate;
}

/// <summary>A question whether some title holds <see cref="Words"/> as a phrase, read as typed in <see cref="Locale"/>.</summary>
/// <param name="Words">The phrase.</param>
/// <param name="Locale">The locale it is read in.</param>
public sealed record TitleQuestion(string Words, string Locale);

/// <summary>
/// What preparing a query needs to know about the catalog's words and a shard has not been told yet (see
/// <see cref="IShardSearcher.PlanAsync"/>): every shard answers these for its own products
/// (<see cref="IShardSearcher.AnswerAsync"/>), and <see cref="CatalogAnswers.Sum"/> adds the answers up into what one
/// index holding every product would answer. Plain data, for any transport.
/// </summary>
public sealed record CatalogQuestions
{
    /// <summary>Whether the product locales and whether the index has a spelling vocabulary are asked.</summary>
    public bool Facts { get; init; }

    /// <summary>Words (lowercase) whose product counts in title or brand are asked.</summary>
    public IReadOnlyList<string> Frequencies { get; init; } = [];

    /// <summary>Analysed terms whose product counts in title, brand or description are asked.</summary>
    public IReadOnlyList<string> DocumentFrequencies { get; init; } = [];

    /// <summary>Typos whose known neighbours are asked.</summary>
    public IReadOnlyList<NeighbourQuestion> Neighbours { get; init; } = [];

    /// <summary>Prefixes whose completions are asked.</summary>
    public IReadOnlyList<PrefixQuestion> Prefixes { get; init; } = [];

    /// <summary>Completions whose products shared with the context words are counted.</summary>
    public IReadOnlyList<TogetherQuestion> Together { get; init; } = [];

    /// <summary>Phrases looked for in titles.</summary>
    public IReadOnlyList<TitleQuestion> Titles { get; init; } = [];

    /// <summary>Whether nothing is asked.</summary>
    public bool IsEmpty => !Facts && Frequencies.Count == 0 && DocumentFrequencies.Count == 0 && Neighbours.Count == 0 && Prefixes.Count == 0
        && Together.Count == 0 && Titles.Count == 0;
}
