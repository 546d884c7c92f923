using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// Checks that an index's three stores agree with each other and with the manifest: the same set of keys in the
/// product store, the BM25 index and the HNSW graph, and counts equal to the manifest's. Damaged files are reported
/// by name, never thrown from deep inside a library.
/// </summary>
public static class IndexVerifier
{
    /// <summary>What a check found.</summary>
    /// <param name="IndexPath">The index folder.</param>
    /// <param name="Manifest">The manifest, when readable.</param>
    /// <param name="StoreCount">Products in the product store, when readable.</param>
    /// <param name="LexicalCount">Documents in the BM25 index, when readable.</param>
    /// <param name="VectorCount">Vectors in the HNSW graph, when readable.</param>
    /// <param name="Problems">Everything that differs or could not be read; empty when the index is consistent.</param>
    public sealed record Report(string IndexPath, IndexManifest? Manifest, long? StoreCount, long? LexicalCount, long? VectorCount, IReadOnlyList<string> Problems)
    {
        /// <summary>Whether nothing is wrong.</summary>
        public bool IsConsistent => Problems.Count == 0;
    }

    /// <summary>Checks the index at <paramref name="indexPath"/>.</summary>
    public static Report Verify(string indexPath)
    {
        var layout = new IndexLayout(indexPath);
        var problems = new List<string>();
        IndexManifest manifest;
        try { manifest = layout.ReadManifest(); }
        catch (IndexException ex) { return new Report(layout.Root, null, null, null, null, [ex.Message]); }

        var generation = manifest.Generation;
        if (!Directory.Exists(layout.GenerationFolder(generation)))
            return new Report(layout.Root, manifest, null, null, null, [$"generation folder '{layout.GenerationFolder(generation)}' named by the manifest is missing"]);

        var storeKeys = Try(problems, layout.ProductStorePath(generation), () =>
        {
            using var store = ProductStore.OpenReadOnly(layout.ProductStorePath(generation));
            return store.Keys().Select(k => k.Key).ToHashSet();
        });
        var lexicalKeys = Try(problems, layout.LexicalPath(generation), () =>
        {
            using var lexical = Bm25Searcher.Open(layout.LexicalPath(generation));
            return lexical.AllKeys().ToHashSet();
        });
        long? vectorCount = null;
        var missingVectors = new List<long>();
        Try(problems, layout.VectorPath(generation), () =>
        {
            using var vectors = UsearchIndex.Load(layout.VectorPath(generation), manifest.Hnsw.ToOptions(manifest.Model.Dimensions));
            vectorCount = vectors.Count;
            foreach (var key in storeKeys ?? []) if (!vectors.Contains((ulong)key)) missingVectors.Add(key);
            return true;
        });

        void Count(string store, long? count)
        {
            if (count is { } c && c != manifest.ProductCount) problems.Add($"{store} holds {c} products, the manifest says {manifest.ProductCount}");
        }
        Count("the product store", storeKeys?.Count);
        Count("the BM25 index", lexicalKeys?.Count);
        Count("the HNSW graph", vectorCount);
        if (storeKeys is not null && lexicalKeys is not null)
        {
            var onlyStore = storeKeys.Except(lexicalKeys).Take(5).ToArray();
            var onlyLexical = lexicalKeys.Except(storeKeys).Take(5).ToArray();
            if (onlyStore.Length > 0) problems.Add($"keys in the product store but not in the BM25 index: {string.Join(", ", onlyStore)}");
            if (onlyLexical.Length > 0) problems.Add($"keys in the BM25 index but not in the product store: {string.Join(", ", onlyLexical)}");
        }
        if (missingVectors.Count > 0) problems.Add($"keys in the product store without a vector: {string.Join(", ", missingVectors.Take(5))}");
        return new Report(layout.Root, manifest, storeKeys?.Count, lexicalKeys?.Count, vectorCount, problems);
    }

    private static T? Try<T>(List<string> problems, string path, Func<T> read) where T : class
    {
        try { return read(); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"'{path}' cannot be read: {ex.Message}");
            return null;
        }
    }

    private static void Try(List<string> problems, string path, Func<bool> read) => Try<object>(problems, path, () => read());
}
