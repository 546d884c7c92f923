using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>
/// A generation's vectors as base + delta: a search never returns a superseded base vector and finds the best that
/// still count, whether a few of the nearest are superseded (answered by thinning a slightly deeper unfiltered search)
/// or most of them (answered by the filtered search).
/// </summary>
public sealed class LayeredVectorSearchTests : IDisposable
{
    private const int Dim = 32;
    private const int Size = 2_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("layered-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(3)]   // a few of the nearest superseded: the deeper unfiltered search holds k that count
    [InlineData(60)]  // most of the nearest superseded: more than the extra asked for, the filtered search answers
    public void Search_finds_the_nearest_that_still_count_and_never_a_superseded_one(int supersededNearQuery)
    {
        var vectors = VectorTestData.RandomUnitVectors(Size, Dim, seed: 31);
        var queries = VectorTestData.RandomUnitVectors(10, Dim, seed: 32);
        var basePath = Path.Combine(_directory, $"vectors-{supersededNearQuery}.usearch");
        using (var built = VectorTestData.Build(vectors, Dim)) built.Save(basePath);
        using var layered = LayeredVectorIndex.Open(basePath, new HnswOptions { Dimensions = Dim }, loadBase: true);
        for (var q = 0; q < queries.Length / Dim; q++)
        {
            var query = queries.AsSpan(q * Dim, Dim);
            foreach (var key in VectorTestData.ExactTopK(vectors, Dim, query, supersededNearQuery)) layered.Supersede(key);
        }
        var superseded = new HashSet<ulong>(Enumerable.Range(0, Size).Select(i => (ulong)i).Where(k => !layered.Contains(k)));
        Assert.InRange(superseded.Count, supersededNearQuery, supersededNearQuery * 10);

        var recalled = 0;
        for (var q = 0; q < queries.Length / Dim; q++)
        {
            var query = queries.AsSpan(q * Dim, Dim);
            var hits = layered.Search(query, 10);
            Assert.Equal(10, hits.Count);
            Assert.DoesNotContain(hits, h => superseded.Contains(h.Key));
            Assert.Equal(hits.OrderBy(h => h.Distance).Select(h => h.Key), hits.Select(h => h.Key));
            recalled += VectorTestData.ExactTopK(vectors, Dim, query, 10, k => !superseded.Contains(k)).Intersect(hits.Select(h => h.Key)).Count();
        }
        Assert.True(recalled >= 95, $"recall@10 {recalled}/100"); // HNSW at ef 64 over 2,000 vectors finds nearly all
    }

    [Fact]
    public void Count_follows_every_change_though_it_is_counted_once_per_change()
    {
        var vectors = VectorTestData.RandomUnitVectors(100, Dim, seed: 33);
        var basePath = Path.Combine(_directory, "count.usearch");
        using (var built = VectorTestData.Build(vectors, Dim)) built.Save(basePath);
        using var layered = LayeredVectorIndex.Open(basePath, new HnswOptions { Dimensions = Dim }, loadBase: true);
        Assert.Equal(100, layered.Count);
        Assert.Equal(100, layered.Count); // asked again: the kept count
        layered.Add([500UL], vectors.AsSpan(0, Dim)); // a new key
        Assert.Equal(101, layered.Count);
        layered.Add([7UL], vectors.AsSpan(Dim, Dim)); // a base key replaced
        Assert.Equal(101, layered.Count);
        layered.Supersede(8);
        Assert.Equal(100, layered.Count);
        Assert.True(layered.Remove(500));
        Assert.Equal(99, layered.Count);
        layered.MergeInto(Path.Combine(_directory, "count-merged.usearch"));
        Assert.Equal(99, layered.Count);
    }
}
