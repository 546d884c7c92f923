using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Adds inserted on several threads (<see cref="HnswOptions.AddThreads"/>) and a failure among them.</summary>
public sealed class UsearchIndexConcurrentAddTests
{
    private const int Dim = 128;
    private const int Size = 3000;

    /// <summary>
    /// A graph built on four threads holds every key with its own vector, reaches every vector (USearch's concurrent
    /// inserts alone strand a few, which the add then re-inserts), and finds the exact neighbours as well as one built on
    /// one thread.
    /// </summary>
    [Fact]
    public void A_graph_built_on_four_threads_holds_reaches_and_finds_every_vector()
    {
        var vectors = VectorTestData.ClusteredUnitVectors(Size, Dim, clusters: 100, noise: 2, seed: 41);
        var queries = VectorTestData.ClusteredUnitVectors(50, Dim, clusters: 100, noise: 2, seed: 42);
        using var sequential = Build(vectors, addThreads: 1);
        using var concurrent = Build(vectors, addThreads: 4);

        Assert.Equal(Size, concurrent.Count);
        var keys = VectorTestData.SequentialKeys(Size);
        Assert.All(keys, key => Assert.True(concurrent.Contains(key), $"key {key} missing"));
        for (var row = 0; row < Size; row += 97)
        {
            // Compared with the stored vector itself: each key holds the row it was given, not a neighbour's.
            var own = concurrent.SearchExact(vectors.AsSpan(row * Dim, Dim), 1, [(ulong)row]);
            Assert.Equal(0f, own.Single().Distance, 4);
        }
        var everything = concurrent.Search(queries.AsSpan(0, Dim), Size * 2);
        Assert.Equal(keys, everything.Select(h => h.Key).Order());

        var sequentialRecall = VectorTestData.RecallAtK(sequential, vectors, queries, Dim, 10);
        var concurrentRecall = VectorTestData.RecallAtK(concurrent, vectors, queries, Dim, 10);
        Assert.True(concurrentRecall >= 0.95, $"recall@10 {concurrentRecall:F3} on four threads");
        Assert.True(concurrentRecall >= sequentialRecall - 0.02, $"recall@10 {concurrentRecall:F3} on four threads against {sequentialRecall:F3} on one");
    }

    /// <summary>A concurrent add refuses a batch with a key already present before inserting anything, as a sequential one does.</summary>
    [Fact]
    public void A_concurrent_add_with_a_present_key_adds_nothing()
    {
        var vectors = VectorTestData.RandomUnitVectors(200, Dim, seed: 43);
        var keys = VectorTestData.SequentialKeys(200);
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, AddThreads = 4 });
        index.Add(keys.AsSpan(0, 100), vectors.AsSpan(0, 100 * Dim));
        var error = Assert.Throws<ArgumentException>(() => index.Add(keys.AsSpan(99, 101), vectors.AsSpan(99 * Dim, 101 * Dim)));
        Assert.Contains("Key 99", error.Message);
        Assert.Equal(100, index.Count);
        Assert.False(index.Contains(150));
    }

    /// <summary>
    /// The first failure among the inserting threads is the one exception the caller sees — not an
    /// <see cref="AggregateException"/> — and only once no insert is running any more; the other threads stop taking rows.
    /// </summary>
    [Fact]
    public void A_failing_insert_surfaces_once_after_every_thread_has_stopped()
    {
        var running = 0;
        var inserted = 0;
        var error = Assert.Throws<VectorIndexException>(() => ParallelInserts.Run(100_000, 4, row =>
        {
            Interlocked.Increment(ref running);
            try
            {
                Thread.SpinWait(200);
                if (row == 1000) throw new VectorIndexException("adding vectors", "injected failure", null);
                Interlocked.Increment(ref inserted);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }));
        Assert.Contains("injected failure", error.Message);
        Assert.Equal(0, Volatile.Read(ref running));
        // The others stop early: not every row is inserted. (How many before the failure depends on which thread ran
        // which chunk first: rows below the failing one may still be unclaimed when it fails.)
        Assert.InRange(inserted, 0, 99_998);
        var after = inserted;
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref inserted));
    }

    /// <summary>One thread, or a batch too small to share, inserts in order on the calling thread.</summary>
    [Theory]
    [InlineData(1, 100)]
    [InlineData(4, ParallelInserts.Chunk)]
    public void One_thread_or_one_chunk_inserts_in_order_on_the_caller(int threads, int count)
    {
        var caller = Environment.CurrentManagedThreadId;
        var order = new List<int>();
        ParallelInserts.Run(count, threads, row =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            order.Add(row);
        });
        Assert.Equal(Enumerable.Range(0, count), order);
    }

    /// <summary>i8 storage serves cosine only: another metric is refused naming the storage.</summary>
    [Theory]
    [InlineData(VectorMetric.InnerProduct)]
    [InlineData(VectorMetric.L2Squared)]
    public void I8_storage_with_another_metric_than_cosine_is_refused(VectorMetric metric)
    {
        var error = Assert.Throws<ArgumentException>(() => UsearchIndex.Create(new HnswOptions { Dimensions = Dim, Metric = metric, Storage = VectorStorage.I8 }));
        Assert.Equal("Storage", error.ParamName);
        Assert.Contains("Cosine", error.Message);
    }

    private static UsearchIndex Build(float[] vectors, int addThreads)
    {
        var keys = VectorTestData.SequentialKeys(Size);
        var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, AddThreads = addThreads, SearchThreads = 2 });
        for (var start = 0; start < Size; start += 500)
        {
            index.Add(keys.AsSpan(start, 500), vectors.AsSpan(start * Dim, 500 * Dim));
        }
        return index;
    }
}
