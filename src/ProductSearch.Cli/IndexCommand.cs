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
        var format = new Option<string?>("--format") { Description = $"Catalog format: {string.Join(", ", CatalogFormats.Names)} (default: from the file's extension)." };
        var map = new Option<string[]>("--map")
        {
            Description = $"CSV/TSV columns for product fields, e.g. title=Name,brand=Maker (keys: {string.Join(", ", CatalogColumnMap.Keys)}); unmapped fields use the ESCI column names.",
            AllowMultipleArgumentsPerToken = false,
        };
        var locale = new Option<string?>("--locale") { Description = "Index only products of this locale (product_locale): us, es or jp." };
        var index = CliOptions.Index(required: true);
        var model = CliOptions.Model();
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var rebuild = new Option<bool>("--rebuild") { Description = "Build from nothing instead of updating the current commit (a fresh HNSW graph; also to change the model)." };
        var storage = new Option<string?>("--vector-storage")
        {
            Description = "How the HNSW graph stores vectors: f32 (default) or f16 (half the memory, faster searches at the same recall, slower build). For a new index or with --rebuild.",
        };
        storage.AcceptOnlyFromAmong("f32", "f16");
        var command = new Command("index", "Build or bring up to date an index (products, BM25, HNSW) so that it holds exactly the catalog.")
        {
            catalog, index, format, map, locale, model, device, rebuild, storage, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var options = new CatalogReadOptions
            {
                Format = parse.GetValue(format) is { } name ? CatalogFormats.Parse(name) : null,
                Columns = parse.GetValue(map) is { Length: > 0 } pairs ? CatalogColumnMap.Parse(string.Join(",", pairs)) : null,
                Locale = parse.GetValue(locale),
            };
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            await IndexRunner.RunAsync(parse.GetValue(catalog)!, options, parse.GetValue(index)!, parse.GetValue(model)!,
                ComputeDevice.Parse(parse.GetValue(device)!), loggers, Console.Out, cancellationToken, SyncMode.Mirror, parse.GetValue(rebuild),
                parse.GetValue(storage) is { } kind ? Enum.Parse<VectorStorage>(kind, ignoreCase: true) : null);
            return 0;
        }));
        return command;
    }
}
