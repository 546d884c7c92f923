using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary><c>productsearch search "&lt;query&gt;"</c>: hybrid (or single-retriever) search over an index.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What the shopper typed." };
        var index = CliOptions.Index(required: false);
        var k = new Option<int>("-k", "--k") { Description = "Number of results (1–1000).", DefaultValueFactory = _ => 10 };
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid (BM25 + dense, fused with RRF), bm25 or dense.", DefaultValueFactory = _ => SearchMode.Hybrid };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var model = CliOptions.Model();
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("search", "Search an index.") { query, index, k, mode, json, model, device, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var request = new SearchRequest { Query = parse.GetValue(query) ?? string.Empty, K = parse.GetValue(k), Mode = parse.GetValue(mode) };
            request.Validate(); // before any model loads, so a bad query answers at once
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var indexPath = parse.GetValue(index);
            var deviceChoice = ComputeDevice.Parse(parse.GetValue(device)!);
            if (indexPath is null)
            {
                indexPath = DemoIndex.IndexPath;
                if (!new IndexLayout(indexPath).HasManifest)
                {
                    await Console.Error.WriteLineAsync($"No demo index yet: building {indexPath} from {DemoIndex.CatalogPath} (once).");
                    await IndexRunner.RunAsync(DemoIndex.CatalogPath, indexPath, parse.GetValue(model) ?? BuiltInModels.DefaultName,
                        deviceChoice, loggers, Console.Error, cancellationToken);
                }
            }

            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = indexPath, Model = parse.GetValue(model), Device = deviceChoice }, loggers);
            var response = await engine.SearchAsync(request, cancellationToken);
            if (parse.GetValue(json)) PrintJson(engine, request, response);
            else PrintTable(engine, request, response);
            return 0;
        }));
        return command;
    }

    private static void PrintTable(SearchEngine engine, SearchRequest request, SearchResponse response)
    {
        Console.WriteLine($"\"{request.Query}\" — {request.Mode.ToString().ToLowerInvariant()} search over {engine.Manifest.ProductCount:N0} products " +
                          $"({engine.IndexPath}; model {engine.Embedder.ModelName} on {engine.Embedder.ActiveDevice})");
        Console.WriteLine();
        Console.WriteLine($"{"#",3}  {"id",-12}  {"title",-60}  {"brand",-16}  {"bm25 rank/score",-16}  {"dense rank/cos",-16}  {"fused",8}");
        foreach (var hit in response.Hits)
        {
            Console.WriteLine($"{hit.Rank,3}  {Cut(hit.Product.Id, 12),-12}  {Cut(hit.Product.Title, 60),-60}  {Cut(hit.Product.Brand ?? "", 16),-16}  " +
                              $"{Retriever(hit.Lexical, "F2"),-16}  {Retriever(hit.Dense, "F3"),-16}  {hit.Score.ToString("F4", CultureInfo.InvariantCulture),8}");
        }
        if (response.Hits.Count == 0) Console.WriteLine("  (no results)");
        Console.WriteLine();
        Console.WriteLine($"{response.Hits.Count} results in {response.Elapsed.TotalMilliseconds:F1} ms (query embedding {response.EmbeddingTime.TotalMilliseconds:F1} ms).");
    }

    private static string Retriever(Ranking.RetrieverHit? hit, string format) =>
        hit is { } h ? $"#{h.Rank} {h.Score.ToString(format, CultureInfo.InvariantCulture)}" : "—";

    private static string Cut(string text, int width)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= width ? single : single[..(width - 1)] + "…";
    }

    private static void PrintJson(SearchEngine engine, SearchRequest request, SearchResponse response)
    {
        var payload = new
        {
            query = request.Query,
            mode = request.Mode.ToString().ToLowerInvariant(),
            index = engine.IndexPath,
            model = engine.Embedder.ModelName,
            device = engine.Embedder.ActiveDevice,
            elapsed_ms = Math.Round(response.Elapsed.TotalMilliseconds, 3),
            embedding_ms = Math.Round(response.EmbeddingTime.TotalMilliseconds, 3),
            results = response.Hits.Select(h => new
            {
                rank = h.Rank,
                product_id = h.Product.Id,
                title = h.Product.Title,
                brand = h.Product.Brand,
                color = h.Product.Color,
                price = h.Product.Price,
                score = h.Score,
                bm25 = h.Lexical is { } l ? new { rank = l.Rank, score = l.Score } : null,
                dense = h.Dense is { } d ? new { rank = d.Rank, score = d.Score } : null,
            }),
        };
        Console.WriteLine(JsonSerializer.Serialize(payload, new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
