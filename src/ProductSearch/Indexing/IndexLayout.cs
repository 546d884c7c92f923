using System.Globalization;
using System.Text.Json;

namespace ProductSearch.Indexing;

/// <summary>
/// Where things live inside an index folder:
/// <code>
/// manifest.json            the current commit (written last, renamed into place)
/// gen-000001/products.db   LiteDB product documents (the base)
/// gen-000001/products-delta.db  LiteDB: what changed since the base (absent: nothing)
/// gen-000001/lexical/      Lucene BM25 index
/// gen-000001/vectors.usearch  USearch HNSW graph
/// </code>
/// </summary>
public sealed class IndexLayout
{
    /// <summary>Creates the layout of the index folder at <paramref name="root"/>.</summary>
    public IndexLayout(string root) => Root = Path.GetFullPath(root);

    /// <summary>The index folder.</summary>
    public string Root { get; }

    /// <summary>The manifest file.</summary>
    public string ManifestPath => Path.Combine(Root, "manifest.json");

    /// <summary>The folder name of generation <paramref name="generation"/>.</summary>
    public static string GenerationFolderName(long generation) => "gen-" + generation.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The folder of generation <paramref name="generation"/>.</summary>
    public string GenerationFolder(long generation) => Path.Combine(Root, GenerationFolderName(generation));

    /// <summary>The product store of a generation.</summary>
    public string ProductStorePath(long generation) => Path.Combine(GenerationFolder(generation), "products.db");

    /// <summary>
    /// The product store's delta of a generation: the products changed since <see cref="ProductStorePath"/> was written
    /// (absent until a commit changes one, and after a merge).
    /// </summary>
    public string ProductStoreDeltaPath(long generation) => Path.Combine(GenerationFolder(generation), Catalog.ProductStore.DeltaFileName);

    /// <summary>The lexical index of a generation.</summary>
    public string LexicalPath(long generation) => Path.Combine(GenerationFolder(generation), "lexical");

    /// <summary>The vector index of a generation.</summary>
    public string VectorPath(long generation) => Path.Combine(GenerationFolder(generation), "vectors.usearch");

    /// <summary>
    /// The vector delta of a generation: the graph of the vectors added or replaced since <see cref="VectorPath"/> was
    /// written, and the file of base keys that no longer count (absent until a commit changes a vector, and after a merge).
    /// </summary>
    public IReadOnlyList<string> VectorDeltaPaths(long generation) =>
        [Path.Combine(GenerationFolder(generation), Vector.LayeredVectorIndex.DeltaFileName), Path.Combine(GenerationFolder(generation), Vector.LayeredVectorIndex.SupersededFileName)];

    /// <summary>The generation's synonyms file (<see cref="Lexical.SynonymRules"/>), present when the index has synonyms.</summary>
    public string SynonymsPath(long generation) => Path.Combine(GenerationFolder(generation), Lexical.SynonymRules.FileName);

    /// <summary>The generation's merchandising rules (<see cref="Merchandising.MerchandisingRuleSet"/>), present when the index has rules.</summary>
    public string MerchandisingRulesPath(long generation) => Path.Combine(GenerationFolder(generation), Merchandising.MerchandisingRuleSet.FileName);

    /// <summary>Whether a manifest exists (an index has been committed here).</summary>
    public bool HasManifest => File.Exists(ManifestPath);

    /// <summary>Reads the manifest.</summary>
    /// <exception cref="IndexException">No index in the folder, or its manifest is unreadable.</exception>
    public IndexManifest ReadManifest()
    {
        if (!Directory.Exists(Root)) throw IndexException.NotFound(Root, $"Index folder '{Root}' does not exist.");
        if (!File.Exists(ManifestPath)) throw IndexException.NotFound(Root, $"Index folder '{Root}' holds no index (no manifest.json).");
        try
        {
            var manifest = JsonSerializer.Deserialize<IndexManifest>(File.ReadAllBytes(ManifestPath), IndexManifest.JsonOptions)
                ?? throw IndexException.Damaged(Root, $"'{ManifestPath}' is empty.");
            // Another layout version may have other fields: EnsureReadableLayout names that, not this check.
            return manifest.HasReadableLayout && manifest.Invalidity() is { } invalid ? throw IndexException.Damaged(Root, $"'{ManifestPath}' is not a valid manifest ({invalid}).") : manifest;
        }
        catch (JsonException ex)
        {
            throw IndexException.Damaged(Root, $"'{ManifestPath}' is not a valid manifest ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes the manifest durably and atomically: a temporary file, flushed to disk, then renamed over the old one.</summary>
    public void WriteManifest(IndexManifest manifest)
    {
        var temporary = TemporaryManifestPath;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, manifest, IndexManifest.JsonOptions);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, ManifestPath, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temporary); // e.g. a full disk: the old manifest stands, and no half-written one is left beside it
            throw;
        }
    }

    private string TemporaryManifestPath => ManifestPath + ".tmp";

    /// <summary>
    /// Removes what unfinished commits left behind (a writer killed or failed before its commit point): generation
    /// folders other than the current one that no engine reads, and a temporary manifest. The writer holding the
    /// lock calls it first, whether or not it goes on to commit. No generation is removed while there is no readable
    /// manifest: which one is current is then unknown, and a lost manifest must not cost the stores too.
    /// </summary>
    public void RemoveLeftovers()
    {
        if (!Directory.Exists(Root)) return;
        TryDeleteFile(TemporaryManifestPath);
        if (!HasManifest) return;
        long current;
        try { current = ReadManifest().Generation; }
        catch (IndexException) { return; }
        DeleteOtherGenerations(current);
    }

    /// <summary>Whether the folder holds any generation folder (committed or not).</summary>
    public bool HasGenerationFolders => Directory.Exists(Root) && Directory.EnumerateDirectories(Root, "gen-*").Any();

    private static void TryDeleteFile(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Deletes generation folders other than <paramref name="keep"/> (left by earlier commits or crashed builds) that no
    /// engine is reading; those still read are left for a later commit to delete.
    /// </summary>
    public void DeleteOtherGenerations(long keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root, "gen-*"))
        {
            if (Path.GetFileName(folder) == GenerationFolderName(keep)) continue;
            using var exclusive = GenerationReadLock.TryExclusive(folder);
            if (exclusive is null) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
