using System.Diagnostics;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// The build and the query path of one generated catalog, stage by stage: builds it with synthetic vectors (products/s,
/// peak RSS), then answers the generated queries in BM25 and hybrid mode without a model (precomputed query vectors)
/// and prints the p50 of each stage the engine times (<see cref="SearchTimings"/>), so a slow search says where.
/// </summary>
/// <remarks>
/// Usage: <c>build-profile --size 100k [--work DIR] [--keep] [--queries 1000] [--storage f32|f16|i8] [--add-threads N] [--no-search]</c>.
/// With <c>--keep</c> an index already in DIR is searched as it is, not rebuilt.
/// </remarks>
internal static class SearchProfileHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = 100_000;
        var queryCount = 1000;
        var work = Path.Combine(Path.GetTempPath(), "productsearch-build-profile");
        var keep = false;
        var search = true;
        var mergeLexical = false;
        var hnsw = new HnswOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size": size = ScaleSizes.Parse(ScaleOptions.Value(args, ref i)); break;
                case "--queries": queryCount = int.Parse(ScaleOptions.Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--work": work = ScaleOptions.Value(args, ref i); break;
                case "--keep": keep = true; break;
                case "--no-search": search = false; break;
                case "--merge-lexical": mergeLexical = true; break;
                case "--storage": hnsw.Storage = Enum.Parse<VectorStorage>(ScaleOptions.Value(args, ref i), ignoreCase: true); break;
                case "--add-threads": hnsw.AddThreads = int.Parse(ScaleOptions.Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        var index = Path.Combine(work, $"{ScaleSizes.Format(size)}-{hnsw.Storage.ToString().ToLowerInvariant()}");
        Console.WriteLine($"# build-profile — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {MachineInfo.Describe()}, load {LoadAverage.OneMinute()}");
        Console.WriteLine($"command: dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- build-profile {string.Join(' ', args)}");

        var synthetic = new SyntheticEmbedder();
        if (!(keep && Directory.Exists(index)))
        {
            var loadBefore = LoadAverage.OneMinute();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var build = Stopwatch.StartNew();
            using (var writer = IndexWriter.Open(index, synthetic, synthetic.ModelName, new IndexWriterOptions { Rebuild = true, Hnsw = hnsw }))
            {
                await writer.WriteAsync(SyntheticCatalog.Products(size).ToAsyncEnumerable(), new CatalogReadReport { Path = $"synthetic-{size}" }, SyncMode.Mirror);
            }
            build.Stop();
            // On a shared machine the wall time is the scheduler's; the CPU time is the build's own work.
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine($"build: {size:N0} products, {hnsw.Storage}, {hnsw.AddThreads} add threads: {build.Elapsed.TotalSeconds:F1} s, " +
                              $"CPU {cpu:F1} s ({cpu / size * 1000:F2} ms a product, {cpu / build.Elapsed.TotalSeconds:F2} cores busy on average), " +
                              $"{size / build.Elapsed.TotalSeconds:N0} products/s, peak RSS {ProcessMemory.PeakResidentBytes() / 1048576.0:N0} MiB, " +
                              $"index {DiskUsage.Of(index) / 1048576.0:N0} MiB, load {loadBefore}–{LoadAverage.OneMinute()}");
        }
        if (!search) return 0;

        ProcessMemory.TryResetPeak();
        var queries = SyntheticCatalog.Queries(queryCount);
        // The stand-in embeds a query in microseconds (the engine may embed a corrected text, so nothing is precomputed);
        // its time is taken out of every figure below, which are the search without a model.
        Console.WriteLine();
        Console.WriteLine("p50 of each stage in ms; p50/p99 of the whole search less the query embedding");
        Console.WriteLine("| lexical segments | mode | p50 ms | p99 ms | prepare | lexical | dense | fusion | rerank/sort | fetch | rest (facets) | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Profile(index, synthetic, queries);
        if (mergeLexical)
        {
            // The same index with its lexical part merged to one segment, as a build from nothing now leaves it (the
            // generation's file digests no longer match, which only the verifier and the next writer read).
            var layout = new IndexLayout(index);
            using (var lexical = ProductSearch.Lexical.Bm25IndexWriter.Open(layout.LexicalPath(layout.ReadManifest().Generation)))
            {
                lexical.MergeToOneSegment();
                lexical.Commit();
            }
            Profile(index, synthetic, queries);
        }
        Console.WriteLine();
        Console.WriteLine($"peak RSS while searching: {ProcessMemory.PeakResidentBytes() / 1048576.0:N0} MiB");
        return 0;
    }

    private static void Profile(string index, SyntheticEmbedder synthetic, IReadOnlyList<string> queries)
    {
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = index, QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero }, synthetic);
        var layout = new IndexLayout(index);
        int segments;
        using (var directory = Lucene.Net.Store.FSDirectory.Open(layout.LexicalPath(layout.ReadManifest().Generation)))
        using (var reader = Lucene.Net.Index.DirectoryReader.Open(directory)) segments = reader.Leaves.Count;
        var last = new List<SearchResponse>();
        List<SearchResponse>? bm25 = null;
        foreach (var mode in new[] { SearchMode.Bm25, SearchMode.Hybrid, SearchMode.Bm25, SearchMode.Hybrid })
        {
            var responses = last = new List<SearchResponse>(queries.Count);
            foreach (var q in queries) engine.Search(new SearchRequest { Query = q, K = 10, Mode = mode }); // warm-up
            foreach (var q in queries) responses.Add(engine.Search(new SearchRequest { Query = q, K = 10, Mode = mode }));
            if (mode == SearchMode.Bm25) bm25 = responses;
            double P50(Func<SearchResponse, TimeSpan> part) => Percentile(responses.Select(r => part(r).TotalMilliseconds), 0.5);
            var stages = new Func<SearchResponse, TimeSpan>[] { r => r.Timings.Prepare, r => r.Timings.Lexical, r => r.Timings.Dense, r => r.Timings.Fusion, r => r.Timings.Rerank, r => r.Timings.Fetch };
            var rest = P50(r => r.Elapsed - r.EmbeddingTime - r.Timings.Prepare - r.Timings.Lexical - r.Timings.Dense - r.Timings.Fusion - r.Timings.Rerank - r.Timings.Fetch);
            Console.WriteLine($"| {segments} | {mode} | {P50(r => r.Elapsed - r.EmbeddingTime):F3} | {Percentile(responses.Select(r => (r.Elapsed - r.EmbeddingTime).TotalMilliseconds), 0.99):F3} | " +
                              string.Join(" | ", stages.Select(s => P50(s).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))) + $" | {rest:F3} | {LoadAverage.OneMinute()} |");
        }
        StoreReads(layout, last);
        if (bm25 is not null) Postings(layout, queries, bm25);
    }

    /// <summary>
    /// What the lexical stage's time follows: the postings of the terms each query's BM25 query holds (title, brand and
    /// description per word, as the default profile builds it), in five groups by that count, with the lexical stage's
    /// p50 in each — Lucene.Net 4.8 scores every posting of a disjunction (no block-max WAND), so this is its work.
    /// </summary>
    private static void Postings(IndexLayout layout, IReadOnlyList<string> queries, IReadOnlyList<SearchResponse> bm25)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(layout.LexicalPath(layout.ReadManifest().Generation));
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        using var analyzer = ProductSearch.Lexical.ProductAnalyzer.Create();
        var settings = ProductSearch.Ranking.RankingProfile.Default.Lexical;
        var counts = queries.Select(q =>
        {
            var built = ProductSearch.Lexical.LexicalQueryBuilder.Build(analyzer, q, settings,
                t => reader.DocFreq(new Lucene.Net.Index.Term(ProductSearch.Lexical.LexicalFields.CombinedText, t)));
            if (built is null) return 0L;
            var terms = new HashSet<Lucene.Net.Index.Term>();
            searcher.Rewrite(built.Query).ExtractTerms(terms);
            return terms.Sum(t => (long)reader.DocFreq(t));
        }).ToArray();
        var rows = counts.Zip(bm25, (postings, response) => (Postings: postings, Lexical: response.Timings.Lexical.TotalMilliseconds))
            .OrderBy(r => r.Postings).ToArray();
        Console.WriteLine();
        Console.WriteLine($"BM25 postings per query ({reader.NumDocs:N0} documents): p50 {Percentile(counts.Select(c => (double)c), 0.5):N0}, p90 {Percentile(counts.Select(c => (double)c), 0.9):N0}");
        Console.WriteLine("| queries by postings (fifths) | postings, median | lexical stage p50 ms | ns per posting |");
        Console.WriteLine("|---|---|---|---|");
        for (var fifth = 0; fifth < 5; fifth++)
        {
            var group = rows[(fifth * rows.Length / 5)..((fifth + 1) * rows.Length / 5)];
            if (group.Length == 0) continue;
            var postings = Percentile(group.Select(g => (double)g.Postings), 0.5);
            var lexical = Percentile(group.Select(g => g.Lexical), 0.5);
            Console.WriteLine($"| {fifth + 1} | {postings:N0} | {lexical:F3} | {(postings > 0 ? lexical * 1e6 / postings : 0):F1} |");
        }
    }

    /// <summary>
    /// The product store's part of the fetch stage: the same pages read again with <see cref="ProductStore.GetMany"/>
    /// alone (the stage also highlights each title), after a warm-up pass over them.
    /// </summary>
    private static void StoreReads(IndexLayout layout, IReadOnlyList<SearchResponse> responses)
    {
        using var store = ProductStore.OpenReadOnly(layout.ProductStorePath(layout.ReadManifest().Generation));
        var pages = responses.Select(r => r.Hits.Select(h => store.KeyOf(h.Product.Id)).OfType<long>().ToArray()).ToArray();
        foreach (var keys in pages) store.GetMany(keys);
        var times = pages.Select(keys =>
        {
            var started = Stopwatch.GetTimestamp();
            store.GetMany(keys);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }).ToArray();
        Console.WriteLine($"store reads of the last row's pages alone (ProductStore.GetMany, {pages.Average(p => p.Length):F1} products a page): " +
                          $"p50 {Percentile(times, 0.5):F3} ms, p99 {Percentile(times, 0.99):F3} ms");
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
