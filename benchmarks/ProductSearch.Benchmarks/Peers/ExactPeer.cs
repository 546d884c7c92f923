using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>Exact cosine search over every title vector (SIMD dot products, one thread): the dense ceiling, and the truth HNSW recall is measured against.</summary>
internal static class ExactPeer
{
    public static (PeerResult Result, ExactSearch Search) Run(PeerData data, int minimumCalls)
    {
        var (exact, buildSeconds) = PeerTiming.Build(() => new ExactSearch(data.TitleVectors.SelectMany(v => v).ToArray(), data.Meta.Dimensions));
        var byQuery = data.Queries.Select((q, i) => (q.QueryId, data.QueryVectors[i])).ToDictionary(x => x.QueryId, x => x.Item2);
        var result = PeerTiming.Run("brute force (.NET)", "exact cosine", "dense", buildSeconds, data.Queries, minimumCalls,
            q => exact.Search(byQuery[q.QueryId], 10).Select(i => data.Products[i].Id).ToArray());
        return (result, exact);
    }
}
