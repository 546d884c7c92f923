using System.CommandLine;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.Cli;

/// <summary><c>productsearch index &lt;catalog&gt; --index DIR</c>: builds an index from a JSON Lines, CSV, TSV or Parquet catalog.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var catalog = new Argument<string>("catalog") { Description = "Catalog file: JSON Lines, CSV or TSV with ESCI column names (product_id, product_title, …), or the ESCI products Parquet file." };
        var reading = new CatalogOptions();
        var index = CliOptions.Index(required: true);
        var model = CliOptions.Model();
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var json = CliJson.Option();
        var rebuild = new Option<bool>("--rebuild") { Description = "Build from nothing instead of updating the current commit (a fresh HNSW graph; also to change the model)." };
        var storage = new Option<string?>("--vector-storage")
        {
            Description = "How the HNSW graph stores vectors: f32 (default) or f16 (half the memory, faster searches at the same recall, slower build). For a new index or with --rebuild.",
        };
        storage.AcceptOnlyFromAmong("f32", "f16");
        var command = new Command("index", "Build or bring up to date an index (products, BM25, HNSW) so that it holds exactly the catalog.")
        {
            catalog, index, reading.Format, reading.Map, reading.Locale, model, device, rebuild, storage, json, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var options = reading.Read(parse);
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            await IndexRunner.RunAsync(parse.GetValue(catalog)!, options, parse.GetValue(index)!, parse.GetValue(model)!,
                ComputeDevice.Parse(parse.GetValue(device)!), loggers, Console.Out, cancellationToken, SyncMode.Mirror, parse.GetValue(rebuild),
                parse.GetValue(storage) is { } kind ? Enum.Parse<VectorStorage>(kind, ignoreCase: true) : null, parse.GetValue(json));
            return 0;
        }));
        return command;
    }
}
