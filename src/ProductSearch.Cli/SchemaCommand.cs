using System.CommandLine;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch schema set FILE --index DIR [--rebuild]</c> and <c>schema show --index DIR</c>: the index's
/// schema — each field's type and whether it is filterable, facetable, sortable, searchable. A change is one commit;
/// one that needs re-analysis says so and re-analyses without re-embedding.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create() => new("schema", "Show or set an index's schema: each field's type (keyword, number, boolean) and flags.")
    {
        Set(), Show(),
    };

    private static Command Set()
    {
        var file = new Argument<string>("file") { Description = "A JSON schema: {\"fields\": {\"size\": {\"type\": \"keyword\", \"filterable\": true, \"facetable\": true}, …}}. Fields not named keep their settings." };
        var index = CliOptions.Index(required: true);
        var rebuild = new Option<bool>("--rebuild") { Description = "Accept a change of a field's type (the field is re-indexed from the stored products; nothing is re-embedded)." };
        var verbose = CliOptions.Verbose();
        var command = new Command("set", "Set fields of the index's schema from FILE (one commit).") { file, index, rebuild, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new FileNotFoundException($"Schema file '{path}' does not exist.", path);
            if (new FileInfo(path).Length > 1 << 20) throw new ArgumentException($"Schema file '{path}' is larger than 1 MB.", "file");
            var fields = IndexSchema.ParseFields(File.ReadAllText(path)); // a bad file answers before any model loads or lock is taken
            return Commit(parse.GetValue(index)!, fields, parse.GetValue(rebuild), parse.GetValue(verbose), cancellationToken);
        }));
        return command;
    }

    private static Command Show()
    {
        var index = CliOptions.Index(required: true);
        var command = new Command("show", "Print the schema the index's current commit keeps.") { index };
        command.SetAction((parse, _) => CliErrors.RunAsync(() =>
        {
            Console.WriteLine(IndexSchema.Of(parse.GetValue(index)!).ToJson());
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Task<int> Commit(string indexPath, IReadOnlyDictionary<string, SchemaField> fields, bool rebuild, bool verbose, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var current = IndexSchema.Of(indexPath);
        var next = current.With(fields);
        if (current.TypeChanges(next) is [var first, ..] && !rebuild)
            throw new SchemaException($"The schema changes the type of field '{first}' ({IndexSchema.Name(current.Fields[first].Type)} → " +
                $"{IndexSchema.Name(next.Fields[first].Type)}); add --rebuild to re-index it (nothing is re-embedded).");
        var reanalysed = current.NeedingReanalysis(next);
        using var loggers = CliLogging.Create(verbose);
        var manifest = new IndexLayout(indexPath).ReadManifest();
        // Nothing is embedded, but the writer checks it holds the index's model; load it on the CPU.
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = manifest.Model.Source, Device = ComputeDevice.Cpu });
        using var writer = IndexWriter.Open(indexPath, embedder, manifest.Model.Source, new IndexWriterOptions { Purpose = "productsearch schema set" }, loggers.CreateLogger("productsearch"));
        var report = writer.SetSchema(fields, allowTypeChanges: rebuild);
        Console.WriteLine(reanalysed.Count > 0
            ? $"Set the schema of {indexPath} (generation {report.Manifest.Generation}); {string.Join(", ", reanalysed)} changed how {(reanalysed.Count == 1 ? "it is" : "they are")} indexed, so the lexical index was re-analysed from the stored products (nothing re-embedded)."
            : $"Set the schema of {indexPath} (generation {report.Manifest.Generation}); searches use it from this commit on (no re-analysis needed).");
        return Task.FromResult(0);
    }
}
