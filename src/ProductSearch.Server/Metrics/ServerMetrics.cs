using System.Diagnostics.Metrics;
using ProductSearch.AspNetCore;

namespace ProductSearch.Server.Metrics;

/// <summary>
/// The service's own measurements, through <see cref="System.Diagnostics.Metrics"/> (exported by OpenTelemetry at
/// <c>/metrics</c>): per-stage search time, searches answered from the result cache or not, commits and their
/// duration, and the served index's products, generation and size on disk. Request rate and latency per route come
/// from ASP.NET Core's own meter (<c>http.server.request.duration</c>).
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "ProductSearch.Server";

    // Seconds: from 50 µs (a cached answer's stages) to 2.5 s (a cold model on a busy machine).
    private static readonly IReadOnlyList<double> StageBuckets = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly IReadOnlyList<double> CommitBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly TimeSpan SizeRecheck = TimeSpan.FromSeconds(15);

    private readonly Meter _meter;
    private readonly Histogram<double> _stage;
    private readonly Counter<long> _searches;
    private readonly Counter<long> _commits;
    private readonly Histogram<double> _commitDuration;
    private readonly SearchEngineProvider _provider;
    private readonly TimeProvider _time;
    private readonly Lock _sizeGate = new();
    private (long Generation, DateTimeOffset At, long Bytes)? _size;

    public ServerMetrics(IMeterFactory meters, SearchEngineProvider provider, TimeProvider? time = null)
    {
        _provider = provider;
        _time = time ?? TimeProvider.System;
        _meter = meters.Create(MeterName);
        _stage = _meter.CreateHistogram("productsearch.search.stage.duration", "s", "Time a search spent in each stage of the query path (answers from the result cache excluded).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StageBuckets });
        _searches = _meter.CreateCounter<long>("productsearch.search.count", "{search}", "Searches answered, by whether the answer came from the result cache (cache=hit|miss).");
        _commits = _meter.CreateCounter<long>("productsearch.commit.count", "{commit}", "Index commits this service made.");
        _commitDuration = _meter.CreateHistogram("productsearch.commit.duration", "s", "Time a write took, from taking the writer lock to serving the new commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CommitBuckets });
        _meter.CreateObservableGauge("productsearch.index.products", () => Engine()?.Manifest.ProductCount ?? 0, "{product}", "Products in the index being served.");
        _meter.CreateObservableGauge("productsearch.index.generation", () => Engine()?.Manifest.Generation ?? 0, "{generation}", "The index commit being served.");
        _meter.CreateObservableGauge("productsearch.index.size", IndexBytes, "By", "Bytes the index folder takes on disk (older commits still read included).");
    }

    /// <summary>Records one search's stages, or a cache hit.</summary>
    public void Searched(SearchResponse response)
    {
        _searches.Add(1, new KeyValuePair<string, object?>("cache", response.FromCache ? "hit" : "miss"));
        if (response.FromCache) return;
        var t = response.Timings;
        Stage("prepare", t.Prepare - t.Embedding);
        Stage("embed", t.Embedding);
        Stage("lexical", t.Lexical);
        Stage("dense", t.Dense);
        Stage("fusion", t.Fusion);
        Stage("rerank", t.Rerank);
        Stage("fetch", t.Fetch);
    }

    /// <summary>Records one commit.</summary>
    public void Committed(TimeSpan elapsed)
    {
        _commits.Add(1);
        _commitDuration.Record(elapsed.TotalSeconds);
    }

    private void Stage(string stage, TimeSpan elapsed) => _stage.Record(Math.Max(0, elapsed.TotalSeconds), new KeyValuePair<string, object?>("stage", stage));

    private SearchEngine? Engine() => _provider.TryGetEngine(out var engine, out _) ? engine : null;

    /// <summary>The folder's size, measured again after a commit or every 15 s at most: a scrape should not walk the disk each time.</summary>
    private long IndexBytes()
    {
        if (Engine() is not { } engine) return 0;
        var generation = engine.Manifest.Generation;
        lock (_sizeGate)
        {
            var now = _time.GetUtcNow();
            if (_size is { } known && known.Generation == generation && now - known.At < SizeRecheck) return known.Bytes;
            long bytes = 0;
            try
            {
                foreach (var file in new DirectoryInfo(engine.IndexPath).EnumerateFiles("*", SearchOption.AllDirectories)) bytes += file.Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A commit removing an old generation while we walk: keep the last figure rather than a partial one.
                return _size?.Bytes ?? 0;
            }
            _size = (generation, now, bytes);
            return bytes;
        }
    }

}
