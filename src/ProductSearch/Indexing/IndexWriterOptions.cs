using ProductSearch.Vector;

namespace ProductSearch.Indexing;

/// <summary>Options of an <see cref="IndexWriter"/>.</summary>
public sealed class IndexWriterOptions
{
    /// <summary>Products read, embedded and written per batch.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// HNSW settings of a new index: the width and the distance come from the embedder (its dimensions and similarity
    /// function); an existing index keeps its own.
    /// </summary>
    public HnswOptions Hnsw { get; set; } = new();

    /// <summary>Start from an empty generation instead of the current one (a full rebuild, with a fresh HNSW graph).</summary>
    public bool Rebuild { get; set; }

    /// <summary>What the writer is doing, shown to a second writer that finds the index locked.</summary>
    public string Purpose { get; set; } = "productsearch index";

    /// <summary>
    /// The key a product new to the index gets, by its catalog id (default: one more than the largest key). A sharded
    /// index gives keys unique across its shards, in the order products arrived, as one index would.
    /// </summary>
    internal Func<string, long>? KeyOf { get; set; }

    /// <summary>Whether a write may leave the index without products (a shard that no product routes to).</summary>
    internal bool AllowEmpty { get; set; }
}
