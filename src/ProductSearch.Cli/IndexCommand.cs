using System.CommandLine;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary><c>productsearch index &lt;catalog&gt; --index DIR</c>: builds an index from a JSON Lines catalog.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var catalog = new Argument<string>("catalog") { Description = "JSON Lines catalog with ESCI column names (product_id, product_title, …)." };
        var index = CliOptions.Index(required: true);
        var model = CliOptions.Model();
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var rebuild = new Option<bool>("--rebuild") { Description = "Build from nothing instead of updating the current commit (a fresh HNSW graph; also to change the model)." };
        var command = new Command("index", "Build or bring up to date an index (products, BM25, HNSW) so that it holds exactly the catalog.")
        {
            catalog, index, model, device, rebuild, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            await IndexRunner.RunAsync(parse.GetValue(catalog)!, parse.GetValue(index)!, parse.GetValue(model) ?? BuiltInModels.DefaultName,
                ComputeDevice.Parse(parse.GetValue(device)!), loggers, Console.Out, cancellationToken, SyncMode.Mirror, parse.GetValue(rebuild));
            return 0;
        }));
        return command;
    }
}
