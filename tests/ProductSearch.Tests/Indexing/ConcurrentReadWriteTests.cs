using System.Collections.Concurrent;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// Searches run while a writer commits: every search sees one whole commit — all titles of a commit carry the same
/// round number — never a mix, and never an error. Bounded in time and rounds.
/// </summary>
public sealed class ConcurrentReadWriteTests
{
    private const int Products = 200;

    [Fact]
    public async Task Parallel_searchers_see_whole_commits_while_one_writer_commits()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        var embedder = new HashingEmbedder();
        Commit(index, embedder, round: 0);

        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, RefreshInterval = TimeSpan.FromMilliseconds(20), ResultCacheSize = 0 }, new HashingEmbedder());
        var errors = new ConcurrentQueue<string>();
        var seenRounds = new ConcurrentDictionary<int, bool>();
        // The result cache is off so that every search runs the whole path against whichever commit it holds.
        // Searchers and the writer run on threads of their own: under a parallel test run the thread pool (and
        // xunit's synchronisation context) can be held by other tests for many seconds.
        using var stop = new CancellationTokenSource();
        var searches = 0;
        var searchers = Enumerable.Range(0, 4).Select(s => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var hits = engine.Search(new SearchRequest { Query = "round cotton shirt", K = 50, Mode = s % 2 == 0 ? SearchMode.Hybrid : SearchMode.Bm25 }).Hits;
                    var rounds = hits.Select(h => int.Parse(h.Product.Title.Split(' ')[1])).Distinct().ToArray();
                    if (rounds.Length != 1) errors.Enqueue($"one search saw rounds {string.Join(",", rounds)}");
                    else seenRounds[rounds[0]] = true;
                    if (hits.Count != 50) errors.Enqueue($"a search returned {hits.Count} hits");
                    Interlocked.Increment(ref searches);
                }
                catch (Exception ex)
                {
                    errors.Enqueue(ex.GetType().Name + ": " + ex.Message);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        for (var round = 1; round <= 8; round++)
        {
            Commit(index, embedder, round);
            Thread.Sleep(50);
        }
        // Give the searchers time to reach the last commit (they refresh every 20 ms), bounded for a loaded machine.
        var deadline = Environment.TickCount64 + 30_000;
        while (!seenRounds.ContainsKey(8) && Environment.TickCount64 < deadline) Thread.Sleep(20);
        await stop.CancelAsync();
        await Task.WhenAll(searchers);

        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(10)));
        Assert.True(searches > 50, $"only {searches} searches ran");
        Assert.True(seenRounds.ContainsKey(8), $"searches saw only rounds {string.Join(",", seenRounds.Keys.Order())}: the engine never reached the last commit");
        engine.Refresh();
        Assert.Equal(9, engine.Manifest.Generation); // the first commit and 8 more
    }

    private static void Commit(string index, HashingEmbedder embedder, int round)
    {
        using var writer = IndexWriter.Open(index, embedder, "hashing-test");
        writer.Write(Enumerable.Range(0, Products).Select(i => new Product { Id = "p" + i, Title = $"round {round} cotton shirt {i}" }),
            new CatalogReadReport { Path = "round" }, SyncMode.Mirror);
    }
}
