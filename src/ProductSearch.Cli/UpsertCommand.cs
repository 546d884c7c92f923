using System.CommandLine;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary><c>productsearch upsert &lt;catalog&gt; --index DIR</c>: adds and replaces products, keeping the rest.</summary>
internal static class UpsertCommand
{
    public static Command Create()
    {
        var catalog = new Argument<string>("catalog") { Description = "Catalog with the products to add or replace." };
        var reading = new CatalogOptions();
        var index = CliOptions.Index(required: true);
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var json = CliJson.Option();
        var command = new Command("upsert", "Add or replace products in an index (one atomic commit); only changed titles are embedded again.")
        {
            catalog, index, reading.Format, reading.Map, reading.Locale, device, json, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var options = reading.Read(parse);
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var indexPath = parse.GetValue(index)!;
            var manifest = new IndexLayout(indexPath).ReadManifest();
            manifest.EnsureReadableLayout(indexPath); // before the model loads; the writer checks again under its lock
            var model = manifest.Model.Source;
            await IndexRunner.RunAsync(parse.GetValue(catalog)!, options, indexPath, model, Embedding.ComputeDevice.Parse(parse.GetValue(device)!),
                loggers, Console.Out, cancellationToken, SyncMode.Upsert, json: parse.GetValue(json));
            return 0;
        }));
        return command;
    }
}
