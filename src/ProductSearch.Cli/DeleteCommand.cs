using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary><c>productsearch delete --index DIR &lt;id&gt;... | --ids-file F</c>: removes products from all three stores at once.</summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Product ids to delete.", Arity = ArgumentArity.ZeroOrMore };
        var idsFile = new Option<string?>("--ids-file") { Description = "A file with one product id a line." };
        var index = CliOptions.Index(required: true);
        var verbose = CliOptions.Verbose();
        var json = CliJson.Option();
        var command = new Command("delete", "Delete products from an index (one atomic commit).") { ids, idsFile, index, json, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var list = (parse.GetValue(ids) ?? []).ToList();
            if (parse.GetValue(idsFile) is { } file)
            {
                if (!File.Exists(file)) throw new FileNotFoundException($"Ids file '{file}' does not exist.", file);
                list.AddRange(File.ReadLines(file));
            }
            if (list.All(string.IsNullOrWhiteSpace)) throw new ArgumentException("Give the ids to delete, or --ids-file.", "ids");
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var indexPath = parse.GetValue(index)!;
            var manifest = new IndexLayout(indexPath).ReadManifest();
            manifest.EnsureReadableLayout(indexPath); // before the model loads; the writer checks again under its lock
            // Deleting embeds nothing, but the writer checks it holds the index's model; load it on the CPU.
            using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = manifest.Model.Source, Device = ComputeDevice.Cpu });
            using var writer = IndexWriter.Open(indexPath, embedder, manifest.Model.Source, new IndexWriterOptions { Purpose = "productsearch delete" },
                loggers.CreateLogger<IndexWriter>()); // its commit note says what the summary below says: --verbose only
            var report = writer.Delete(list, cancellationToken);
            if (parse.GetValue(json))
                CliJson.Write(Console.Out, new
                {
                    index = report.IndexPath, committed = report.Committed, generation = report.Manifest.Generation,
                    products = report.Manifest.ProductCount, deleted = report.Deleted, not_found = report.NotFound,
                });
            else Console.WriteLine(report.Committed
                ? $"Deleted {Counts.Of(report.Deleted, "product")}; {Counts.Of(report.NotFound, "id")} {(report.NotFound == 1 ? "was" : "were")} not in the index. Generation {report.Manifest.Generation} holds {Counts.Of(report.Manifest.ProductCount, "product")}."
                : $"None of the {report.NotFound:N0} ids is in the index; nothing was committed.");
            return Task.FromResult(0);
        }));
        return command;
    }
}
