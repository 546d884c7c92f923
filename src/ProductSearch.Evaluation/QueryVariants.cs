namespace ProductSearch.Evaluation;

/// <summary>How judged queries are changed before searching, to measure robustness (same judgments, other text).</summary>
public enum QueryVariant
{
    /// <summary>The queries as judged.</summary>
    Clean,

    /// <summary>One random edit — insert, delete, substitute or swap adjacent letters — in one word of 5 or more letters.</summary>
    Typos,

    /// <summary>Cut inside the last word, keeping its first 3 letters: what an as-you-type box sends.</summary>
    Prefixes,
}

/// <summary>Makes the <see cref="QueryVariant"/> copies of judged queries, seeded so a run can be repeated exactly.</summary>
public static class QueryVariants
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>The queries changed as <paramref name="variant"/> says (a query the change cannot apply to is kept as it is).</summary>
    public static IReadOnlyList<QueryJudgments> Apply(IReadOnlyList<QueryJudgments> queries, QueryVariant variant, int seed)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var random = new Random(seed);
        return variant switch
        {
            QueryVariant.Typos => queries.Select(q => q with { Query = WithTypo(q.Query, random) }).ToArray(),
            QueryVariant.Prefixes => queries.Select(q => q with { Query = Prefix(q.Query) }).ToArray(),
            _ => queries,
        };
    }

    /// <summary>
    /// <paramref name="query"/> with one edit in one of its words of 5 or more letters (chosen at random, as is the
    /// edit and its place); the query itself when it has no such word.
    /// </summary>
    public static string WithTypo(string query, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        var words = query.Split(' ');
        var eligible = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToArray();
        if (eligible.Length == 0) return query;
        var index = eligible[random.Next(eligible.Length)];
        var word = words[index];
        var at = random.Next(word.Length);
        var letter = Letters[random.Next(Letters.Length)];
        words[index] = random.Next(4) switch
        {
            0 => word.Insert(at, letter.ToString()),
            1 => word.Remove(at, 1),
            2 => word[..at] + (word[at] == letter ? Letters[(Letters.IndexOf(letter) + 1) % Letters.Length] : letter) + word[(at + 1)..],
            _ => Swap(word, Math.Min(at, word.Length - 2)),
        };
        return string.Join(' ', words);
    }

    /// <summary><paramref name="query"/> cut inside its last word, keeping that word's first <paramref name="keep"/> letters.</summary>
    public static string Prefix(string query, int keep = 3)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.TrimEnd();
        var start = trimmed.LastIndexOf(' ') + 1;
        return trimmed.Length - start <= keep ? trimmed : trimmed[..(start + keep)];
    }

    private static string Swap(string word, int at)
    {
        // Swapping two equal letters changes nothing: swap the next differing pair instead, or substitute.
        for (var i = at; i < word.Length - 1; i++)
            if (word[i] != word[i + 1]) return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
        return word[..^1] + (word[^1] == 'a' ? 'b' : 'a');
    }
}
