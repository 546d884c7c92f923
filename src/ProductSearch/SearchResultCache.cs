using System.Text;
using Microsoft.Extensions.Caching.Memory;
using ProductSearch.Lexical;

namespace ProductSearch;

/// <summary>
/// Answers of recent searches, per commit: storefront traffic repeats its popular queries, and an identical request
/// on the same commit and ranking profile has the identical answer. The key holds the commit's generation and the
/// versions of the profile and the learned ranker, so a search never gets an answer from another commit (the same idea as Elasticsearch's
/// shard request cache, which a refresh invalidates); the engine also empties the cache when it moves to a new commit.
/// Requests that bring their own <see cref="SearchRequest.Ranking"/> are not cached.
/// </summary>
internal sealed class SearchResultCache : IDisposable
{
    private readonly MemoryCache _cache;

    public SearchResultCache(int size) =>
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.25 });

    public bool TryGet(string key, out SearchResponse response) => _cache.TryGetValue(key, out response!);

    public void Add(string key, SearchResponse response) => _cache.Set(key, response, new MemoryCacheEntryOptions { Size = 1 });

    /// <summary>Drops every answer (the engine moved to another commit or profile).</summary>
    public void Clear() => _cache.Clear();

    /// <summary>The key of <paramref name="request"/> (with its checked <paramref name="filters"/>) on a commit, profile version and ranker version.</summary>
    public static string KeyOf(long generation, long profileVersion, long rankerVersion, SearchRequest request, IReadOnlyList<FilterClause> filters)
    {
        var key = new StringBuilder(128)
            .Append(generation).Append('|').Append(profileVersion).Append('|').Append(rankerVersion).Append('|')
            .Append((int)request.Mode).Append(request.SecondStage ? 's' : '-').Append('|').Append(request.K).Append('|').Append(request.Offset).Append('|')
            .Append(request.Explain ? 'e' : '-').Append(request.ExplainLexical ? 'l' : '-')
            .Append(request.TypoTolerance ? 't' : '-').Append(request.CompleteLastWord ? 'p' : '-').Append(request.MerchandisingRules ? 'm' : '-').Append('|')
            .Append(request.Locale is null ? "" : Lexical.CatalogLocale.OfQuery(request.Locale)).Append('|');
        key.Append(FilterCache.KeyOf(filters));
        key.Append('|').Append(request.Sort?.ToString());
        foreach (var facet in request.Facets ?? []) key.Append('|').Append(facet);
        return key.Append('|').Append(request.Query).ToString();
    }

    public void Dispose() => _cache.Dispose();
}
