using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Micro;

/// <summary>
/// The demo index the micro-benchmarks search: <c>samples/demo-catalog.jsonl</c> built with the default model into
/// <c>benchmarks/out/demo-index</c> the first time any benchmark needs it, then reused (BenchmarkDotNet runs every
/// case in a new process, and a build takes a quarter of a minute).
/// </summary>
internal static class DemoIndex
{
    public static string Path => System.IO.Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "demo-index");

    public static IndexLayout EnsureBuilt()
    {
        var layout = new IndexLayout(Path);
        if (layout.HasManifest) return layout;
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = BuiltInModels.DefaultName, Device = ComputeDevice.Cpu });
        new IndexBuilder(embedder, BuiltInModels.DefaultName).BuildAsync(BenchmarkPaths.DemoCatalog, Path).GetAwaiter().GetResult();
        return layout;
    }

    /// <summary>The ESCI queries embedded by the index's model (query prompt applied), for the HNSW benchmarks.</summary>
    public static float[][] QueryVectors(IndexManifest manifest, IReadOnlyList<string> queries)
    {
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = manifest.Model.Source, Device = ComputeDevice.Cpu, QueryCacheSize = 0 });
        return queries.Select(q => embedder.Embed([q], EmbeddingPurpose.Query)[0]).ToArray();
    }
}
