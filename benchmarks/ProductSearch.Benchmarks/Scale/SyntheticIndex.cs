using System.Diagnostics;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>The scale harnesses' shared set-up: a generated catalog indexed with synthetic vectors, and their command-line options.</summary>
internal static class SyntheticIndex
{
    /// <summary>Builds <paramref name="size"/> generated products at <paramref name="index"/>, unless one is there and <paramref name="keep"/> says to reuse it.</summary>
    public static async Task EnsureAsync(string index, int size, SyntheticEmbedder synthetic, bool keep)
    {
        if (Directory.Exists(index) && keep) return;
        var build = Stopwatch.StartNew();
        using var writer = IndexWriter.Open(index, synthetic, synthetic.ModelName, new IndexWriterOptions { Rebuild = true });
        await writer.WriteAsync(SyntheticCatalog.Products(size).ToAsyncEnumerable(), new CatalogReadReport { Path = $"synthetic-{size}" }, SyncMode.Mirror);
        Console.Error.WriteLine($"built {size:N0} products in {build.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or <c>null</c>.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
