using System.Collections.Concurrent;
using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Readers racing each other and a writer, with fewer native search slots than threads.</summary>
public sealed class UsearchIndexConcurrencyTests
{
    private const int Dim = 32;

    /// <summary>More concurrent searchers than <see cref="HnswOptions.SearchThreads"/> queue for a slot instead of failing.</summary>
    [Fact]
    public void Searches_beyond_the_slot_count_wait_instead_of_failing()
    {
        // Long searches (ef covers the whole graph) so that unguarded threads would really overlap in native code,
        // where USearch fails any search that finds no free context.
        const int Wide = 128;
        var vectors = VectorTestData.RandomUnitVectors(1000, Wide, seed: 20);
        using var index = VectorTestData.Build(vectors, Wide, searchThreads: 1);
        index.ExpansionSearch = 1000;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var i = 0; i < 40; i++)
            {
                var row = ((worker * 40) + i) % 1000;
                Assert.Equal((ulong)row, index.Search(vectors.AsSpan(row * Wide, Wide), 3)[0].Key);
            }
        });
    }

    /// <summary>A writer adding (and so growing capacity), removing and saving while four threads search causes no errors.</summary>
    [Fact]
    public void Writer_and_readers_can_run_together()
    {
        var vectors = VectorTestData.RandomUnitVectors(1300, Dim, seed: 21);
        var keys = VectorTestData.SequentialKeys(1300);
        var path = Path.Combine(Path.GetTempPath(), $"usearch-concurrent-{Guid.NewGuid():N}.usearch");
        using var index = UsearchIndex.Create(new HnswOptions { Dimensions = Dim, SearchThreads = 2 });
        index.Add(keys.AsSpan(0, 100), vectors.AsSpan(0, 100 * Dim));
        var errors = new ConcurrentQueue<Exception>();
        var searches = 0;
        var done = false;

        // Dedicated threads, not pool tasks: busy readers would otherwise starve the pool on small machines.
        var readers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                while (!Volatile.Read(ref done))
                {
                    var query = vectors.AsSpan((Interlocked.Increment(ref searches) % 100) * Dim, Dim);
                    Assert.NotEmpty(index.Search(query, 5));
                    Assert.All(index.Search(query, 5, k => k % 2 == 0), h => Assert.Equal(0UL, h.Key % 2));
                }
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToArray();
        Array.ForEach(readers, r => r.Start());

        try
        {
            for (var start = 100; start < 1300; start += 200)
            {
                // Let the readers get some searches in between writes, however few cores there are.
                var before = Volatile.Read(ref searches);
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref searches) >= before + 8, TimeSpan.FromSeconds(10)));
                index.Add(keys.AsSpan(start, 200), vectors.AsSpan(start * Dim, 200 * Dim));
                index.Remove((ulong)start);
                index.Save(path);
            }
        }
        finally
        {
            Volatile.Write(ref done, true);
            Array.ForEach(readers, r => r.Join());
            File.Delete(path);
        }

        Assert.Empty(errors);
        Assert.Equal(1300 - 6, index.Count);
    }
}
