using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch synonyms set FILE --index DIR</c>, <c>synonyms show --index DIR</c>, <c>synonyms clear --index DIR</c>:
/// an index's synonyms (Solr format), applied to queries; a change is one commit, with no re-indexing.
/// </summary>
internal static class SynonymsCommand
{
    public static Command Create() => new("synonyms", "Show, set or clear an index's synonyms (Solr format: 'sneakers, trainers' and 'tee => t-shirt').")
    {
        Set(), Show(), Clear(),
    };

    private static Command Set()
    {
        var file = new Argument<string>("file") { Description = "The synonyms file (UTF-8, one rule a line, # for comments)." };
        var index = CliOptions.Index(required: true);
        var verbose = CliOptions.Verbose();
        var command = new Command("set", "Replace the index's synonyms with those of FILE (one commit; a bad rule is refused naming its line).") { file, index, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new FileNotFoundException($"Synonyms file '{path}' does not exist.", path);
            if (new FileInfo(path).Length > SynonymRules.MaxBytes) throw new ArgumentException($"Synonyms file '{path}' is larger than {SynonymRules.MaxBytes / (1024 * 1024)} MB.", "file");
            var rules = File.ReadAllText(path);
            SynonymRules.Parse(rules); // a bad rule answers before any model loads or lock is taken
            return Commit(parse.GetValue(index)!, rules, parse.GetValue(verbose), "productsearch synonyms set", cancellationToken);
        }));
        return command;
    }

    private static Command Clear()
    {
        var index = CliOptions.Index(required: true);
        var verbose = CliOptions.Verbose();
        var command = new Command("clear", "Remove the index's synonyms (one commit).") { index, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
            Commit(parse.GetValue(index)!, null, parse.GetValue(verbose), "productsearch synonyms clear", cancellationToken)));
        return command;
    }

    private static Command Show()
    {
        var index = CliOptions.Index(required: true);
        var command = new Command("show", "Print the synonyms the index's current commit applies.") { index };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var layout = new IndexLayout(parse.GetValue(index)!);
            var path = layout.SynonymsPath(layout.ReadManifest().Generation);
            Console.WriteLine(File.Exists(path) ? File.ReadAllText(path).TrimEnd() : "(no synonyms)");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Task<int> Commit(string indexPath, string? rules, bool verbose, string purpose, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var loggers = CliLogging.Create(verbose);
        var manifest = new IndexLayout(indexPath).ReadManifest();
        // Nothing is embedded, but the writer checks it holds the index's model; load it on the CPU.
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = manifest.Model.Source, Device = ComputeDevice.Cpu });
        using var writer = IndexWriter.Open(indexPath, embedder, manifest.Model.Source, new IndexWriterOptions { Purpose = purpose }, loggers.CreateLogger<IndexWriter>());
        var report = writer.SetSynonyms(rules);
        Console.WriteLine(rules is null
            ? $"Removed the synonyms of {indexPath} (generation {report.Manifest.Generation})."
            : $"Set the synonyms of {indexPath} (generation {report.Manifest.Generation}); searches use them from this commit on.");
        return Task.FromResult(0);
    }
}
