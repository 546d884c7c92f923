using ProductSearch.Catalog;
using ProductSearch.Lexical;
using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>
/// Checks an index's current generation: that its files are the ones committed (each file's SHA-256 against the
/// manifest's record, <see cref="IndexManifest.Files"/>), and that its three stores agree with each other and with
/// the manifest — the same set of keys in the product store, the BM25 index and the HNSW graph, and counts equal to
/// the manifest's. Damaged files are reported by name, never thrown from deep inside a library. Every writer runs
/// the same checks on the generation it copies before it changes anything.
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

        /// <summary>Files whose SHA-256 was checked against the manifest; <c>null</c> when none was (a quick check, or a manifest that records none).</summary>
        public int? FilesChecked { get; init; }

        /// <summary>
        /// The products the index's merchandising rules pin or hide that it does not hold: not damage (a rule may be set
        /// before its product is indexed, and applies once it is), but worth a look; empty when there are none.
        /// </summary>
        public IReadOnlyList<Merchandising.RuleProduct> UnknownRuleProducts { get; init; } = [];
    }

    /// <summary>Checks the index at <paramref name="indexPath"/>, its files' hashes included.</summary>
    /// <exception cref="IndexException">There is no index there, or it has a layout this version does not read.</exception>
    public static Report Verify(string indexPath) => Verify(indexPath, checkFiles: true);

    /// <summary>Checks the index at <paramref name="indexPath"/>.</summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="checkFiles">Also hash every file and compare it with the manifest's record (a pass over the whole index); without it only the structural checks run.</param>
    /// <param name="cancellationToken">Stops the hashing.</param>
    /// <exception cref="IndexException">There is no index there, or it has a layout this version does not read.</exception>
    public static Report Verify(string indexPath, bool checkFiles, CancellationToken cancellationToken = default)
    {
        var layout = new IndexLayout(indexPath);
        IndexManifest manifest;
        try { manifest = layout.ReadManifest(); }
        catch (IndexException ex) when (ex.Reason == ProductSearchErrorReason.DamagedIndex) { return new Report(layout.Root, null, null, null, null, [ex.Message]); }
        manifest.EnsureReadableLayout(layout.Root);
        return Check(layout, manifest, checkFiles, cancellationToken);
    }

    /// <summary>The checks of <see cref="Verify(string, bool, CancellationToken)"/> on the generation <paramref name="manifest"/> names.</summary>
    internal static Report Check(IndexLayout layout, IndexManifest manifest, bool checkFiles, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var generation = manifest.Generation;
        var folder = layout.GenerationFolder(generation);
        if (!Directory.Exists(folder))
            return new Report(layout.Root, manifest, null, null, null, [$"generation folder '{folder}' named by the manifest is missing"]);

        int? filesChecked = null;
        if (checkFiles && manifest.Files is { } recorded)
        {
            problems.AddRange(GenerationFiles.Check(folder, recorded, cancellationToken).Select(p => $"generation {generation}: {p}"));
            filesChecked = recorded.Count;
        }

        var storeKeys = Try(problems, layout.ProductStorePath(generation), () =>
        {
            using var store = ProductStore.OpenReadOnly(layout.ProductStorePath(generation));
            var keys = new HashSet<long>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var twice = new List<string>();
            // A catalog id under two keys: a product of the store's base that its delta replaced without shadowing it.
            foreach (var (key, productId) in store.Keys())
                if (keys.Add(key) && !ids.Add(productId)) twice.Add(productId);
            if (twice.Count > 0) problems.Add($"catalog ids under more than one key in the product store: {string.Join(", ", twice.Take(5))}");
            return keys;
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
            using var vectors = LayeredVectorIndex.Open(layout.VectorPath(generation), manifest.Hnsw.ToOptions(manifest.Model.Dimensions), loadBase: true);
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
        return new Report(layout.Root, manifest, storeKeys?.Count, lexicalKeys?.Count, vectorCount, problems)
        {
            FilesChecked = filesChecked,
            UnknownRuleProducts = storeKeys is null ? [] : UnknownRuleProducts(layout, generation, problems),
        };
    }

    /// <summary>The products the generation's merchandising rules name that its store lacks; a rules file that cannot be read is a problem.</summary>
    private static IReadOnlyList<Merchandising.RuleProduct> UnknownRuleProducts(IndexLayout layout, long generation, List<string> problems)
    {
        Merchandising.MerchandisingRuleSet rules;
        try { rules = MerchandisingRulesStore.Read(layout, generation); }
        catch (IndexException ex)
        {
            problems.Add(ex.Message); // it names the file
            return [];
        }
        return Try(problems, layout.ProductStorePath(generation), () =>
        {
            using var store = ProductStore.OpenReadOnly(layout.ProductStorePath(generation));
            return MerchandisingRulesStore.UnknownProducts(rules, store);
        }) ?? [];
    }

    private static T? Try<T>(List<string> problems, string path, Func<T> read) where T : class
    {
        try { return read(); }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            problems.Add($"'{path}' cannot be read: {ex.Message}");
            return null;
        }
    }

    private static void Try(List<string> problems, string path, Func<bool> read) => Try<object>(problems, path, () => read());
}
