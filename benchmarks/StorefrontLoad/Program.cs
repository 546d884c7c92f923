using System.Globalization;
using System.Net;
using StorefrontLoad;

// A bounded load run against a storefront on this machine: warm-up, then N requests at C concurrent, then one
// Markdown table row (throughput, p50, p90, p99, max, errors). Usage, with the storefront already running:
//   dotnet run -c Release --project benchmarks/StorefrontLoad -- --url http://127.0.0.1:5081 --requests 20000 --concurrency 32
// benchmarks/storefront-load.sh starts the storefront and runs this (and wrk, where installed) for RESULTS.md.
// --print-requests N writes the first N request paths (one a line) for another load tool, such as wrk.
// With --serve it loads `productsearch serve` instead (its /search names, a bearer key from --key or
// $PRODUCTSEARCH_ADMIN_KEY); --seconds S runs for S seconds; --patch-product ID adds a writer (PatchWriter).
// benchmarks/serve-load.sh starts the service and runs both query mixes with the writer.
if (args is ["--print-requests", var countText, .. var rest] && int.TryParse(countText, out var count) && count > 0)
{
    var unique = rest.Contains("--unique");
    for (var n = 0L; n < count; n++) Console.WriteLine(QueryMix.Request(n, unique, rest.Contains("--serve")));
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var client = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
if (options.Key is { Length: > 0 } key) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));

var health = await client.GetAsync("/health", cap.Token);
if (health.StatusCode != HttpStatusCode.OK)
{
    Console.Error.WriteLine($"{options.BaseUrl}health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync(cap.Token)}");
    return 1;
}

var run = new LoadRun(options, client);
if (options.Warmup > 0)
{
    var warm = await run.RunAsync(options.Warmup, 0, cap.Token);
    Console.Error.WriteLine($"warm-up: {warm.Requests} requests, {warm.Errors} errors");
}
// Measured requests continue the request numbering, so with --unique no measured query repeats a warm-up one.
using var stopWriter = CancellationTokenSource.CreateLinkedTokenSource(cap.Token);
var writer = options.PatchProduct is { } patched ? new PatchWriter(client, patched) : null;
var writing = writer?.RunAsync(stopWriter.Token) ?? Task.CompletedTask;
var result = await run.RunAsync(options.Requests, options.Warmup, cap.Token, options.Seconds > 0 ? TimeSpan.FromSeconds(options.Seconds) : null);
await stopWriter.CancelAsync();
await writing;
if (cap.IsCancellationRequested) Console.Error.WriteLine($"stopped by the {options.MaxSeconds} s cap");
if (writer is not null) Console.Error.WriteLine(writer.Summary() + (writer.FirstError is { } writeError ? $"; first error: {writeError}" : ""));
if (run.FirstError is { } first) Console.Error.WriteLine($"first error: {first}");

string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
Console.WriteLine("| queries | requests | concurrency | throughput | p50 | p90 | p99 | max | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
Console.WriteLine($"| {(options.UniqueQueries ? "all distinct (embedding-cache misses)" : "60 repeating (embeddings cached)")} | {result.Requests:N0} | {options.Concurrency} | " +
                  $"{result.Throughput.ToString("N0", CultureInfo.InvariantCulture)} req/s | {F(result.P50Ms)} ms | {F(result.P90Ms)} ms | {F(result.P99Ms)} ms | {F(result.MaxMs)} ms | {result.Errors} |");
return result.Errors == 0 && !cap.IsCancellationRequested && writer is not { Errors: > 0 } && writer is not { NotVisible: > 0 } ? 0 : 1;
