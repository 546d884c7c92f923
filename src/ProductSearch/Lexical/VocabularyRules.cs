namespace ProductSearch.Lexical;

/// <summary>
/// The choices made from the catalog's word counts (<see cref="ICatalogWords"/>): the correction of a typo and the
/// completions of a prefix. Kept apart from where the counts come from, so one index and a sharded one (whose counts
/// are summed across shards first) choose by the same code.
/// </summary>
internal static class VocabularyRules
{
    /// <summary>See <see cref="CatalogVocabulary.Correct(string, int, out bool)"/>.</summary>
    public static string? Correct(ICatalogWords words, string word, int maxEdits, out bool anythingNear)
    {
        ArgumentNullException.ThrowIfNull(word);
        anythingNear = false;
        if (!words.HasSpelling || maxEdits <= 0) return null;
        string? best = null;
        (float Similarity, int Frequency) bestScore = (-1, -1);
        foreach (var neighbour in words.Neighbours(word, maxEdits))
        {
            if (neighbour.Word == word) continue;
            anythingNear = true;
            if (neighbour.Count < CatalogVocabulary.MinCorrectionFrequency) continue;
            var score = (neighbour.Boost, neighbour.Count);
            if (score.CompareTo(bestScore) > 0 || (score == bestScore && string.CompareOrdinal(neighbour.Word, best) < 0))
            {
                best = neighbour.Word;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>See <see cref="CatalogVocabulary.Completions"/>.</summary>
    public static IReadOnlyList<(string Word, int Frequency)> Completions(ICatalogWords words, string prefix, int max, int scan)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!words.HasSpelling || prefix.Length == 0 || max <= 0) return [];
        return words.PrefixWords(prefix, scan)
            .Where(w => w.Count >= CatalogVocabulary.MinCorrectionFrequency)
            .OrderByDescending(w => w.Count).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(max).Select(w => (w.Word, w.Count)).ToArray();
    }

    /// <summary>See <see cref="CatalogVocabulary.CompleteMany"/>.</summary>
    public static IReadOnlyList<string> CompleteMany(ICatalogWords words, string prefix, IReadOnlyList<string> context, int max, int candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = Completions(words, prefix, Math.Max(candidates, max), CatalogVocabulary.DefaultScan);
        var known = context.Where(w => words.Frequency(w) > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (found.Count <= 1 || known.Length == 0) return found.Take(max).Select(w => w.Word).ToArray();
        return found.Select(w => (w.Word, Together: words.Together(known, w.Word), w.Frequency))
            .Where(w => w.Together > 0)
            .OrderByDescending(w => w.Together).ThenByDescending(w => w.Frequency).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(max).Select(w => w.Word).ToArray();
    }

    /// <summary>See <see cref="CatalogVocabulary.Complete"/>.</summary>
    public static string? Complete(ICatalogWords words, string prefix, IReadOnlyList<string> context, int candidates = 20) =>
        CompleteMany(words, prefix, context, 1, candidates) is [var best, ..] ? best
            : Completions(words, prefix, 1, CatalogVocabulary.DefaultScan) is [var first, ..] ? first.Word : null;

    /// <summary>The catalog's most common product locale (the first by count, then by name), or <c>null</c> when it has none.</summary>
    public static string MainLocale(ICatalogWords words) =>
        CatalogLocale.OfProduct(words.Locales().OrderByDescending(l => l.Count).ThenBy(l => l.Word, StringComparer.Ordinal).FirstOrDefault()?.Word);
}
