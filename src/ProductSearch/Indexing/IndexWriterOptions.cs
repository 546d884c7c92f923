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
}
