using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Search quality and filtered search against brute force, on a shared index.</summary>
public sealed class UsearchIndexSearchTests(SharedIndexFixture fixture) : IClassFixture<SharedIndexFixture>
{
    private const int Dim = SharedIndexFixture.Dimensions;

    /// <summary>HNSW at the default ef (64) finds at least 95% of the exact top-10.</summary>
    [Fact]
    public void Recall_at_10_is_at_least_95_percent()
    {
        Assert.Equal(64, fixture.Index.ExpansionSearch);
        var recall = VectorTestData.RecallAtK(fixture.Index, fixture.Vectors, fixture.Queries, Dim, k: 10);
        Assert.True(recall >= 0.95, $"recall@10 was {recall:P1}");
    }

    /// <summary>An indexed vector finds itself first at cosine distance ~0, and hits come back closest first.</summary>
    [Fact]
    public void Indexed_vector_is_its_own_nearest_neighbour()
    {
        var hits = fixture.Index.Search(fixture.Vectors.AsSpan(7 * Dim, Dim), 5);
        Assert.Equal(5, hits.Count);
        Assert.Equal(7UL, hits[0].Key);
        Assert.InRange(hits[0].Distance, -1e-4f, 1e-4f);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
    }

    /// <summary>A filter accepting 1% of keys still yields k results, all accepted, matching the exact filtered top-k.</summary>
    [Fact]
    public void Filtered_search_returns_k_accepted_results()
    {
        static bool Accept(ulong key) => key % 100 == 3;
        var query = fixture.Queries.AsSpan(0, Dim);

        var hits = fixture.Index.Search(query, 10, Accept);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.True(Accept(h.Key), $"key {h.Key} should have been filtered out"));
        var exact = VectorTestData.ExactTopK(fixture.Vectors, Dim, query, 10, Accept);
        Assert.True(hits.Count(h => exact.Contains(h.Key)) >= 9);
    }

    /// <summary>An exception thrown by the filter surfaces to the caller instead of crashing in native code.</summary>
    [Fact]
    public void Filter_exception_is_rethrown()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => fixture.Index.Search(fixture.Queries.AsSpan(0, Dim), 10, _ => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", error.Message);
        Assert.Equal(10, fixture.Index.Search(fixture.Queries.AsSpan(0, Dim), 10).Count);
    }

    /// <summary>Asking for more neighbours than exist returns everything there is.</summary>
    [Fact]
    public void K_larger_than_index_returns_all_vectors()
    {
        var hits = fixture.Index.Search(fixture.Queries.AsSpan(0, Dim), SharedIndexFixture.Size * 2);
        Assert.Equal(SharedIndexFixture.Size, hits.Count);
        Assert.Equal(SharedIndexFixture.Size, hits.Select(h => h.Key).Distinct().Count());
    }

    /// <summary>Eight threads searching at once, with and without filters, all get full, correct answers.</summary>
    [Fact]
    public void Concurrent_searches_from_eight_threads_succeed()
    {
        var expected = Enumerable.Range(0, 20)
            .Select(q => fixture.Index.Search(fixture.Queries.AsSpan(q * Dim, Dim), 10).Select(h => h.Key).ToArray())
            .ToArray();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var round = 0; round < 3; round++)
            {
                for (var q = 0; q < expected.Length; q++)
                {
                    var query = fixture.Queries.AsSpan(q * Dim, Dim);
                    Assert.Equal(expected[q], fixture.Index.Search(query, 10).Select(h => h.Key));
                    var filtered = fixture.Index.Search(query, 5, key => key % 2 == (ulong)(worker % 2));
                    Assert.Equal(5, filtered.Count);
                    Assert.All(filtered, h => Assert.Equal((ulong)(worker % 2), h.Key % 2));
                }
            }
        });
    }
}
