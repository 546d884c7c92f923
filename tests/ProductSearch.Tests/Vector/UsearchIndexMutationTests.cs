using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Adding, removing, capacity growth and argument validation on small private indexes.</summary>
public sealed class UsearchIndexMutationTests
{
    private const int Dim = 16;

    /// <summary>Adds beyond the reserved capacity grow it geometrically instead of failing.</summary>
    [Fact]
    public void Add_grows_capacity_automatically()
    {
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, ExpansionAdd = 16 });
        var vectors = VectorTestData.RandomUnitVectors(2500, Dim, seed: 3);
        var keys = VectorTestData.SequentialKeys(2500);

        for (var start = 0; start < 2500; start += 100)
        {
            index.Add(keys.AsSpan(start, 100), vectors.AsSpan(start * Dim, 100 * Dim));
        }

        Assert.Equal(2500, index.Count);
        Assert.Equal(4096, index.Capacity); // 1024 -> 2048 -> 4096, not +100 per batch
        Assert.True(index.Contains(2499));
    }

    /// <summary>Reserve sets capacity up front and never shrinks it.</summary>
    [Fact]
    public void Reserve_sets_capacity()
    {
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim });
        index.Reserve(5000);
        Assert.True(index.Capacity >= 5000);
        index.Reserve(10);
        Assert.True(index.Capacity >= 5000);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search(new float[Dim], 3));
    }

    /// <summary>Removed keys disappear from lookups and results, and the key can be added again.</summary>
    [Fact]
    public void Remove_drops_the_vector()
    {
        var vectors = VectorTestData.RandomUnitVectors(200, Dim, seed: 4);
        using var index = VectorTestData.Build(vectors, Dim, batchSize: 64);
        var row5 = vectors.AsSpan(5 * Dim, Dim);

        Assert.True(index.Remove(5));
        Assert.False(index.Remove(5));
        Assert.False(index.Remove(12345));
        Assert.False(index.Contains(5));
        Assert.Equal(199, index.Count);
        Assert.DoesNotContain(index.Search(row5, 10), h => h.Key == 5);

        index.Add([5UL], row5);
        Assert.Equal(5UL, index.Search(row5, 1)[0].Key);
    }

    /// <summary>A batch with a key that already exists, or repeats, is rejected before anything is added.</summary>
    [Fact]
    public void Duplicate_keys_are_rejected_atomically()
    {
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim });
        var vectors = VectorTestData.RandomUnitVectors(3, Dim, seed: 5);
        index.Add([1UL], vectors.AsSpan(0, Dim));

        var existing = Assert.Throws<ArgumentException>(() => index.Add([2UL, 1UL], vectors.AsSpan(Dim, 2 * Dim)));
        Assert.Contains("Key 1", existing.Message);
        var repeated = Assert.Throws<ArgumentException>(() => index.Add([7UL, 7UL], vectors.AsSpan(Dim, 2 * Dim)));
        Assert.Contains("Key 7", repeated.Message);
        Assert.Equal(1, index.Count);
        Assert.False(index.Contains(2));
    }

    /// <summary>Mismatched lengths and bad k produce argument errors that name the numbers involved.</summary>
    [Fact]
    public void Invalid_arguments_are_reported_clearly()
    {
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim });
        index.Add([1UL], new float[Dim]);

        var batch = Assert.Throws<ArgumentException>(() => index.Add([2UL, 3UL], new float[Dim]));
        Assert.Contains("2 x 16 = 32", batch.Message);
        Assert.Contains("16", batch.Message);
        var query = Assert.Throws<ArgumentException>(() => index.Search(new float[Dim + 1], 3));
        Assert.Contains("17", query.Message);
        Assert.Contains("16", query.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(new float[Dim], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(new float[Dim], -1, _ => true));
        Assert.Throws<ArgumentNullException>(() => index.Search(new float[Dim], 3, null!));
        Assert.Throws<ArgumentException>(() => UsearchIndex.Create(new HnswOptions { Dimensions = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.ExpansionSearch = 0);
    }

    /// <summary>Changing ef takes effect, and a disposed index refuses further calls.</summary>
    [Fact]
    public void Expansion_can_change_and_dispose_is_final()
    {
        var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, ExpansionSearch = 32 });
        Assert.Equal(32, index.ExpansionSearch);
        index.ExpansionSearch = 200;
        Assert.Equal(200, index.ExpansionSearch);

        index.Dispose();
        index.Dispose();
        Assert.Throws<ObjectDisposedException>(() => index.Search(new float[Dim], 1));
        Assert.Throws<ObjectDisposedException>(() => index.Count);
    }

    /// <summary>Inner-product and squared-L2 metrics report the distances USearch defines for them.</summary>
    [Fact]
    public void Metrics_report_expected_distances()
    {
        float[] a = [1, 0, 0, 0];
        float[] b = [0, 2, 0, 0];
        using var l2 = UsearchIndex.Create(new HnswOptions { Dimensions = 4, Metric = VectorMetric.L2Squared });
        l2.Add([1UL], b);
        Assert.Equal(5f, l2.Search(a, 1)[0].Distance, 4);

        using var ip = UsearchIndex.Create(new HnswOptions { Dimensions = 4, Metric = VectorMetric.InnerProduct });
        ip.Add([1UL], a);
        Assert.Equal(0f, ip.Search(a, 1)[0].Distance, 4);

        using var cos = UsearchIndex.Create(new HnswOptions { Dimensions = 4 });
        cos.Add([1UL], b);
        Assert.Equal(1f, cos.Search(a, 1)[0].Distance, 4);
    }
}
