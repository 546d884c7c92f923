namespace ProductSearch.Search;

/// <summary>
/// The queries shoppers searched that found something, counted, for suggestions: case-folded and with their spaces
/// tidied, at most <c>capacity</c> of them (past it the least searched are forgotten: they may come back, counted
/// afresh, so a count is never more than the searches seen — an odd query cannot be pushed over the threshold by
/// forgetting), offered once searched <c>minimumSearches</c> times, most searched first. Thread-safe.
/// </summary>
internal sealed class PastQueries
{
    /// <summary>Longest query remembered: longer ones are pasted text, not something to offer as a completion.</summary>
    public const int MaxLength = 100;

    private readonly int _capacity;
    private readonly int _minimumSearches;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _queries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _offered = new(StringComparer.Ordinal); // searched often enough, sorted for prefix ranges
    private long _clock;

    public PastQueries(int capacity, int minimumSearches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSearches, 1);
        (_capacity, _minimumSearches) = (capacity, minimumSearches);
    }

    /// <summary>Distinct queries remembered now.</summary>
    public int Count
    {
        get { lock (_gate) return _queries.Count; }
    }

    /// <summary>
    /// The form queries are counted and matched in: lowercase (invariant), words separated by one space, no space
    /// around; <c>null</c> for an empty text or one longer than <see cref="MaxLength"/>.
    /// </summary>
    public static string? Normalize(string text)
    {
        var normalized = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalized.Length is 0 or > MaxLength ? null : normalized;
    }

    /// <summary>Counts one more search of <paramref name="query"/>, given in <see cref="Normalize"/>d form.</summary>
    public void Record(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            if (!_queries.TryGetValue(query, out var entry)) _queries[query] = entry = new Entry();
            entry.Searches++;
            entry.LastSeen = ++_clock;
            if (entry.Searches == _minimumSearches) _offered.Add(query);
            if (_queries.Count > _capacity) Forget();
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> queries searched at least the minimum number of times that begin with
    /// <paramref name="prefix"/> (in <see cref="Normalize"/>d form), most searched first.
    /// </summary>
    public IReadOnlyList<(string Query, int Searches)> Complete(string prefix, int max)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0 || max <= 0) return [];
        lock (_gate)
        {
            if (_offered.Count == 0) return [];
            return _offered.GetViewBetween(prefix, prefix + char.MaxValue)
                .Where(q => q.StartsWith(prefix, StringComparison.Ordinal))
                .Select(q => (Query: q, _queries[q].Searches))
                .OrderByDescending(q => q.Searches).ThenBy(q => q.Query, StringComparer.Ordinal)
                .Take(max)
                .ToArray();
        }
    }

    /// <summary>
    /// Forgets the least searched queries (the least recently searched among equals) down to three quarters of the
    /// capacity, so that the sort it takes is paid once per many new queries rather than on each.
    /// </summary>
    private void Forget()
    {
        var keep = Math.Max(1, _capacity * 3 / 4);
        foreach (var (query, _) in _queries.OrderBy(q => q.Value.Searches).ThenBy(q => q.Value.LastSeen).Take(_queries.Count - keep).ToArray())
        {
            _queries.Remove(query);
            _offered.Remove(query);
        }
    }

    private sealed class Entry
    {
        public int Searches;
        public long LastSeen;
    }
}
