using System.Collections;
using ProductSearch.Lexical;
using ProductSearch.Ranking;
using ProductSearch.Search;
using ProductSearch.Tests.Vector;
using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Search;

/// <summary>
/// The dense retriever's fallback for selective filters: below the threshold it searches the passing products exactly
/// and returns precisely the brute-force top-k over them; above it, it still runs the filtered graph search.
/// </summary>
public sealed class DenseRetrieverExactFallbackTests
{
    private const int Dim = 16;
    private const int Size = 3000; // threshold: 2,000 passing products (5 % of 3,000 is below the 2,000 floor)
    private const int Depth = 50;

    /// <summary>A filter passing 300 of 3,000 products: exact search, and its candidates are the brute-force top-50 over them.</summary>
    [Theory]
    [MemberData(nameof(VectorTestData.Metrics), MemberType = typeof(VectorTestData))]
    public void A_selective_filter_returns_the_brute_force_top_k_of_the_passing_products(VectorMetric metric)
    {
        var vectors = LengthsVaried(VectorTestData.ClusteredUnitVectors(Size, Dim, clusters: 8, noise: 0.9, seed: 31));
        using var index = new RecordingIndex(Build(vectors, metric));
        var allowed = KeysWhere(key => key % 10 == 3);
        var queries = LengthsVaried(VectorTestData.ClusteredUnitVectors(4, Dim, clusters: 8, noise: 0.9, seed: 32));
        for (var q = 0; q < 4; q++)
        {
            var vector = queries.AsSpan(q * Dim, Dim).ToArray();

            var candidates = new DenseRetriever(index, metric).Retrieve(Query(vector, allowed), CancellationToken.None).Candidates;

            var expected = BruteForce(vectors, vector, allowed, metric).Take(Depth).ToArray();
            Assert.Equal(expected.Select(e => (long)e.Key), candidates.Select(c => c.Key));
            Assert.All(expected.Zip(candidates), p => Assert.Equal(p.First.Similarity, p.Second.Score, 1e-4));
        }
        Assert.Equal((4, 0), (index.ExactSearches, index.GraphSearches));
    }

    /// <summary>A filter passing 2,500 of 3,000 products (above the threshold) still goes through the filtered graph search.</summary>
    [Fact]
    public void A_broad_filter_still_uses_the_graph()
    {
        var vectors = VectorTestData.ClusteredUnitVectors(Size, Dim, clusters: 8, noise: 0.9, seed: 33);
        using var index = new RecordingIndex(Build(vectors, VectorMetric.Cosine));
        var allowed = KeysWhere(key => key % 6 != 0);
        Assert.Equal(2500, allowed.Count);

        var candidates = new DenseRetriever(index, VectorMetric.Cosine).Retrieve(Query(vectors[..Dim], allowed), CancellationToken.None).Candidates;

        Assert.Equal((0, 1), (index.ExactSearches, index.GraphSearches));
        Assert.Equal(Depth, candidates.Count);
        Assert.All(candidates, c => Assert.True(allowed.Contains((ulong)c.Key)));
    }

    /// <summary>The threshold: 5 % of the catalog, never below 2,000 products nor above 5,000.</summary>
    [Theory]
    [InlineData(2_000, 10_000, true)]
    [InlineData(2_001, 10_000, false)]
    [InlineData(5_000, 100_000, true)]
    [InlineData(5_001, 100_000, false)]
    [InlineData(3_500, 70_000, true)]
    [InlineData(3_501, 70_000, false)]
    [InlineData(5_000, 10_000_000, true)]
    [InlineData(5_001, 10_000_000, false)]
    public void The_threshold_is_five_percent_between_two_and_five_thousand(long allowed, long total, bool exact) =>
        Assert.Equal(exact, DenseRetriever.UsesExactSearch(allowed, total));

    private static UsearchIndex Build(float[] vectors, VectorMetric metric)
    {
        var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, Metric = metric });
        index.Add(VectorTestData.SequentialKeys(Size), vectors);
        return index;
    }

    private static KeySet KeysWhere(Func<ulong, bool> passes)
    {
        var bits = new BitArray(Size);
        var count = 0;
        for (var key = 0; key < Size; key++)
        {
            if (!passes((ulong)key)) continue;
            bits[key] = true;
            count++;
        }
        return new KeySet(bits, count);
    }

    private static PreparedQuery Query(float[] vector, KeySet allowed) => new()
    {
        Request = new SearchRequest { Query = "q" },
        Profile = RankingProfile.Default,
        Depth = Depth,
        Locale = CatalogLocale.English,
        Analyzer = ProductAnalyzer.Create(),
        DenseText = "q",
        Allowed = allowed,
        Vector = vector,
    };

    private static float[] LengthsVaried(float[] unitRows) => VectorTestData.WithVariedLengths(unitRows, Dim);

    /// <summary>Similarities as the retriever reports them (cosine, dot product, negated squared distance), best first, ties by key.</summary>
    private static IEnumerable<(ulong Key, double Similarity)> BruteForce(float[] vectors, float[] query, KeySet allowed, VectorMetric metric) =>
        Enumerable.Range(0, Size).Select(i => (ulong)i).Where(allowed.Contains)
            .Select(key => (key, Similarity(metric, VectorTestData.Distance(metric, vectors.AsSpan((int)key * Dim, Dim), query))))
            .OrderByDescending(s => s.Item2).ThenBy(s => s.key);

    private static double Similarity(VectorMetric metric, double distance) => metric == VectorMetric.L2Squared ? -distance : 1 - distance;

    /// <summary>A real index that counts which search the retriever asked it for.</summary>
    private sealed class RecordingIndex(UsearchIndex inner) : IVectorIndex
    {
        public int ExactSearches { get; private set; }

        public int GraphSearches { get; private set; }

        public int Dimensions => inner.Dimensions;

        public long Count => inner.Count;

        public int ExpansionSearch { get => inner.ExpansionSearch; set => inner.ExpansionSearch = value; }

        public void Reserve(long capacity) => inner.Reserve(capacity);

        public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> vectors) => inner.Add(keys, vectors);

        public bool Contains(ulong key) => inner.Contains(key);

        public bool Remove(ulong key) => inner.Remove(key);

        public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a filtered search must not run unfiltered");

        public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<ulong, bool> filter, CancellationToken cancellationToken = default)
        {
            GraphSearches++;
            return inner.Search(query, k, filter, cancellationToken);
        }

        public IReadOnlyList<VectorHit> SearchExact(ReadOnlySpan<float> query, int k, ReadOnlySpan<ulong> keys, CancellationToken cancellationToken = default)
        {
            ExactSearches++;
            return inner.SearchExact(query, k, keys, cancellationToken);
        }

        public void Save(string path) => inner.Save(path);

        public void Dispose() => inner.Dispose();
    }
}
