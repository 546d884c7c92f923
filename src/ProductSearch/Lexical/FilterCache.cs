using System.Globalization;
using Lucene.Net.Search;
using Microsoft.Extensions.Caching.Memory;

namespace ProductSearch.Lexical;

/// <summary>
/// The filters of one commit's recent searches, built once: the Lucene filter BM25 applies (a
/// <see cref="CachingWrapperFilter"/>, which keeps each segment's matching documents) and the set of keys HNSW allows.
/// A shop's shoppers repeat the same few filters (in stock, a rating floor, a price band) under ever new queries, and a
/// broad one (half the catalog) costs milliseconds to collect; from the second search on it costs a lookup. Keyed by the
/// clauses, so equal filters share an entry whatever order their values came in.
/// </summary>
internal sealed class FilterCache(Bm25Searcher searcher, int size = 256) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.25 });

    /// <summary>The Lucene filter and the keys passing <paramref name="clauses"/>; (<c>null</c>, <c>null</c>) without clauses.</summary>
    public (Filter? Lucene, KeySet? Allowed) Get(IReadOnlyList<FilterClause> clauses)
    {
        if (LexicalFilter.Build(clauses) is not { } query) return (null, null);
        var key = KeyOf(clauses);
        if (_cache.TryGetValue(key, out (Filter, KeySet) hit)) return hit;
        Filter lucene = new CachingWrapperFilter(new QueryWrapperFilter(query));
        // Typed as the lookup reads it: MemoryCache finds an entry only by the exact type it was stored as.
        (Filter, KeySet) entry = (lucene, searcher.MatchingKeys(lucene));
        _cache.Set(key, entry, new MemoryCacheEntryOptions { Size = 1 });
        return entry;
    }

    /// <summary>
    /// The clauses as text: each field with its values (in order), or its range and which bounds it includes; the
    /// clauses in order too, since all must hold whatever order they were given in.
    /// </summary>
    public static string KeyOf(IReadOnlyList<FilterClause> clauses) => string.Concat(clauses.Select(clause => clause.Field.Name + clause switch
    {
        AnyOfClause anyOf => "∈" + string.Join('\u001f', anyOf.Values.Order(StringComparer.Ordinal)),
        RangeClause range => string.Create(CultureInfo.InvariantCulture, $"∈{(range.MinExclusive ? '(' : '[')}{range.Min},{range.Max}{(range.MaxExclusive ? ')' : ']')}"),
        _ => throw new InvalidOperationException($"No cache key for {clause.GetType().Name}."),
    } + "\u001e").Order(StringComparer.Ordinal));

    public void Dispose() => _cache.Dispose();
}
