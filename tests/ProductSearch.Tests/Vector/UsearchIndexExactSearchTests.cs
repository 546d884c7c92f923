using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>
/// <see cref="UsearchIndex.SearchExact"/> against a brute force written here in double precision, for every metric:
/// same keys in the same order, same distances as the graph reports them, equal distances by ascending key.
/// </summary>
public sealed class UsearchIndexExactSearchTests
{
    private const int Dim = 24;
    private const int Size = 600;

    /// <summary>Over a third of the keys, the exact search returns precisely the brute-force top-k over those keys.</summary>
    [Theory]
    [MemberData(nameof(VectorTestData.Metrics), MemberType = typeof(VectorTestData))]
    public void Returns_the_brute_force_top_k_of_the_given_keys(VectorMetric metric)
    {
        // Not unit length, so cosine, inner product and squared Euclidean rank differently.
        var vectors = Scaled(VectorTestData.ClusteredUnitVectors(Size, Dim, clusters: 6, noise: 0.8, seed: 21));
        using var index = Build(vectors, metric);
        var keys = VectorTestData.SequentialKeys(Size).Where(k => k % 3 == 1).ToArray();
        var queries = Scaled(VectorTestData.ClusteredUnitVectors(5, Dim, clusters: 6, noise: 0.8, seed: 22));
        for (var q = 0; q < 5; q++)
        {
            var query = queries.AsSpan(q * Dim, Dim);
            var expected = BruteForce(vectors, query.ToArray(), keys, metric).Take(25).ToArray();

            var hits = index.SearchExact(query, 25, keys);

            Assert.Equal(expected.Select(e => e.Key), hits.Select(h => h.Key));
            Assert.All(expected.Zip(hits), p => Assert.Equal(p.First.Distance, p.Second.Distance, 1e-4));
        }
    }

    /// <summary>The distances are the ones the graph search reports for the same vectors (so similarities mix).</summary>
    [Theory]
    [MemberData(nameof(VectorTestData.Metrics), MemberType = typeof(VectorTestData))]
    public void Distances_match_the_graph_search(VectorMetric metric)
    {
        var vectors = Scaled(VectorTestData.ClusteredUnitVectors(Size, Dim, clusters: 6, noise: 0.8, seed: 23));
        using var index = Build(vectors, metric);
        var query = vectors.AsSpan(10 * Dim, Dim);
        var graph = index.Search(query, 5);

        var exact = index.SearchExact(query, 5, graph.Select(h => h.Key).ToArray());

        Assert.Equal(graph.Select(h => h.Key).Order(), exact.Select(h => h.Key).Order());
        Assert.All(exact, h => Assert.Equal(graph.Single(g => g.Key == h.Key).Distance, h.Distance, 1e-5));
    }

    /// <summary>Keys with identical vectors tie; the smaller key comes first, and the cut at k keeps the smaller keys.</summary>
    [Fact]
    public void Equal_distances_are_ordered_by_key()
    {
        var row = VectorTestData.RandomUnitVectors(1, Dim, seed: 5);
        var vectors = Enumerable.Repeat(row, 6).SelectMany(r => r).ToArray();
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim });
        index.Add([40UL, 7, 19, 3, 25, 11], vectors);

        var hits = index.SearchExact(row, 4, [40UL, 7, 19, 3, 25, 11]);

        Assert.Equal([3UL, 7, 11, 19], hits.Select(h => h.Key));
    }

    /// <summary>Keys the index does not hold are skipped; asking for more than there are returns what there is.</summary>
    [Fact]
    public void Absent_keys_are_skipped_and_k_may_exceed_the_keys()
    {
        var vectors = VectorTestData.RandomUnitVectors(50, Dim, seed: 6);
        using var index = VectorTestData.Build(vectors, Dim);
        index.Remove(4);

        var hits = index.SearchExact(vectors.AsSpan(0, Dim), 10, [1UL, 4, 9, 1000]);

        Assert.Equal(new ulong[] { 1, 9 }, hits.Select(h => h.Key).Order());
        Assert.Empty(index.SearchExact(vectors.AsSpan(0, Dim), 10, []));
    }

    /// <summary>Bad arguments name the parameter; a cancelled token stops the search.</summary>
    [Fact]
    public void Rejects_bad_arguments_and_honours_cancellation()
    {
        var vectors = VectorTestData.RandomUnitVectors(20, Dim, seed: 7);
        using var index = VectorTestData.Build(vectors, Dim);

        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => index.SearchExact(vectors.AsSpan(0, Dim), 0, [1UL])).ParamName);
        Assert.Equal("query", Assert.Throws<ArgumentException>(() => index.SearchExact(new float[Dim + 1], 3, [1UL])).ParamName);
        Assert.Throws<OperationCanceledException>(() => index.SearchExact(vectors.AsSpan(0, Dim), 3, [1UL], new CancellationToken(canceled: true)));
    }

    private static UsearchIndex Build(float[] vectors, VectorMetric metric)
    {
        var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, Metric = metric });
        index.Add(VectorTestData.SequentialKeys(vectors.Length / Dim), vectors);
        return index;
    }

    private static float[] Scaled(float[] unitRows) => VectorTestData.WithVariedLengths(unitRows, Dim);

    private static IEnumerable<(ulong Key, double Distance)> BruteForce(float[] vectors, float[] query, ulong[] keys, VectorMetric metric) =>
        keys.Select(key => (key, VectorTestData.Distance(metric, vectors.AsSpan((int)key * Dim, Dim), query)))
            .OrderBy(s => s.Item2).ThenBy(s => s.key);
}
