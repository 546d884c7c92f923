namespace ProductSearch.Vector;

/// <summary>
/// An approximate nearest-neighbour index over fixed-length float vectors keyed by <see cref="ulong"/>.
/// Reads (<see cref="Search(ReadOnlySpan{float}, int, CancellationToken)"/>, <see cref="Contains"/>, <see cref="Count"/>, <see cref="Save"/>)
/// may run concurrently from many threads. Writes (<see cref="Add"/>, <see cref="Remove"/>, <see cref="Reserve"/>,
/// setting <see cref="ExpansionSearch"/>) are meant for a single writer; implementations serialize them against reads.
/// </summary>
public interface IVectorIndex : IDisposable
{
    /// <summary>Number of components of every vector in the index.</summary>
    int Dimensions { get; }

    /// <summary>Number of live (not removed) vectors.</summary>
    long Count { get; }

    /// <summary>Search-time candidate-list size (HNSW <c>ef</c>); higher is slower and more accurate.</summary>
    int ExpansionSearch { get; set; }

    /// <summary>Pre-allocates room for <paramref name="capacity"/> vectors in total, so bulk adds do not reallocate.</summary>
    /// <param name="capacity">Total number of vectors to make room for, including those already present.</param>
    void Reserve(long capacity);

    /// <summary>Adds a batch of vectors. Keys must be new: neither present in the index nor repeated in the batch.</summary>
    /// <param name="keys">One key per vector.</param>
    /// <param name="vectors">Row-major vectors; length must be <c>keys.Length * Dimensions</c>.</param>
    void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> vectors);

    /// <summary>Whether a vector with this key is present.</summary>
    /// <param name="key">The key to look up.</param>
    /// <returns><see langword="true"/> when present.</returns>
    bool Contains(ulong key);

    /// <summary>Removes the vector with this key.</summary>
    /// <param name="key">The key to remove.</param>
    /// <returns><see langword="true"/> when something was removed.</returns>
    bool Remove(ulong key);

    /// <summary>Finds up to <paramref name="k"/> nearest vectors, closest first.</summary>
    /// <param name="query">Query vector of length <see cref="Dimensions"/>.</param>
    /// <param name="k">Maximum number of results; must be positive.</param>
    /// <param name="cancellationToken">Cancels a search still waiting for a free search slot.</param>
    /// <returns>Hits ordered by ascending distance; fewer than <paramref name="k"/> when the index is smaller.</returns>
    IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds up to <paramref name="k"/> nearest vectors whose key satisfies <paramref name="filter"/>. The filter runs
    /// inside the graph traversal (not as a post-filter), so selective filters still fill <paramref name="k"/> results.
    /// </summary>
    /// <param name="query">Query vector of length <see cref="Dimensions"/>.</param>
    /// <param name="k">Maximum number of results; must be positive.</param>
    /// <param name="filter">Returns <see langword="true"/> to accept a key. Must be fast and must not call back into the index.</param>
    /// <param name="cancellationToken">Cancels a search still waiting for a free search slot.</param>
    /// <returns>Accepted hits ordered by ascending distance.</returns>
    IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<ulong, bool> filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds up to <paramref name="k"/> nearest vectors among <paramref name="keys"/> by comparing the query with each
    /// of them (no graph): exact, at a cost proportional to the number of keys, so meant for small candidate sets such
    /// as the products passing a selective filter, where a filtered graph search loses recall.
    /// </summary>
    /// <param name="query">Query vector of length <see cref="Dimensions"/>.</param>
    /// <param name="k">Maximum number of results; must be positive.</param>
    /// <param name="keys">The keys to compare, each once; keys not in the index are skipped.</param>
    /// <param name="cancellationToken">Cancels a long comparison.</param>
    /// <returns>Hits ordered by ascending distance (under the index metric, as <see cref="Search(ReadOnlySpan{float}, int, CancellationToken)"/> reports it), equal distances by ascending key.</returns>
    IReadOnlyList<VectorHit> SearchExact(ReadOnlySpan<float> query, int k, ReadOnlySpan<ulong> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes the index to <paramref name="path"/>, replacing any existing file atomically.</summary>
    /// <param name="path">Destination file.</param>
    void Save(string path);
}
