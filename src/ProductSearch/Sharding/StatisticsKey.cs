using ProductSearch.Ranking;

namespace ProductSearch.Sharding;

/// <summary>
/// What a query's summed BM25 statistics depend on, as a cache key: the cluster generation (the shards' commits, and so
/// the catalog's words the query is prepared with) and the request as preparation reads it — its text, mode, locale and
/// typo and completion settings, with the ranking profile — but not what only filters, pages, sorts or counts its
/// results. Whatever else a request holds is part of the key, so a request is never given another's statistics.
/// </summary>
internal readonly record struct StatisticsKey(long ClusterGeneration, SearchRequest Request, RankingProfile Profile)
{
    public static StatisticsKey Of(ShardQuery query) => new(query.ClusterGeneration, query.Request with
    {
        K = 10,
        Offset = 0,
        SecondStage = true,
        Filters = null,
        Sort = null,
        Facets = null,
        Ranking = null,
        FromShopper = true,
        MerchandisingRules = true,
        Explain = false,
        ExplainLexical = false,
    }, query.Profile);
}
