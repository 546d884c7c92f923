using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>The commits that change an index's settings (synonyms, merchandising rules) rather than its products.</summary>
internal static class IndexChange
{
    /// <summary>Takes the index's writer lock and makes one commit with <paramref name="change"/>.</summary>
    public static IndexCommitReport Commit(string indexPath, bool verbose, string purpose, Func<IndexWriter, IndexCommitReport> change)
    {
        using var loggers = CliLogging.Create(verbose);
        var manifest = new IndexLayout(indexPath).ReadManifest();
        // Nothing is embedded, but the writer checks it holds the index's model; load it on the CPU.
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = manifest.Model.Source, Device = ComputeDevice.Cpu });
        using var writer = IndexWriter.Open(indexPath, embedder, manifest.Model.Source, new IndexWriterOptions { Purpose = purpose }, loggers.CreateLogger("productsearch"));
        return change(writer);
    }
}
