namespace ProductSearch.Vector;

/// <summary>Construction and search parameters of an HNSW vector index.</summary>
public sealed class HnswOptions
{
    /// <summary>Number of components of every vector. Must be positive and match the embedding model.</summary>
    public int Dimensions { get; set; }

    /// <summary>Distance function. Defaults to <see cref="VectorMetric.Cosine"/>.</summary>
    public VectorMetric Metric { get; set; } = VectorMetric.Cosine;

    /// <summary>How each vector is stored (queries are always given as 32-bit floats).</summary>
    public VectorStorage Storage { get; set; } = VectorStorage.F32;

    /// <summary>Maximum graph edges per node (HNSW <c>M</c>). Higher improves recall at the cost of memory and build time.</summary>
    public int Connectivity { get; set; } = 16;

    /// <summary>Candidate-list size while inserting (HNSW <c>efConstruction</c>). Higher builds a better graph, more slowly.</summary>
    public int ExpansionAdd { get; set; } = 128;

    /// <summary>Candidate-list size while searching (HNSW <c>ef</c>). Higher improves recall, more slowly. Can be changed later.</summary>
    public int ExpansionSearch { get; set; } = 64;

    /// <summary>
    /// How many searches may run inside the native index at the same moment; further callers wait for a free slot.
    /// USearch keeps one scratch context per slot and fails outright when none is free, so this is a hard cap, not a hint.
    /// Defaults to <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int SearchThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How many threads insert the vectors of one <see cref="IVectorIndex.Add"/> into the graph at once (USearch takes
    /// concurrent inserts, each with its own scratch context). The graph then depends on the threads' timing: the same
    /// vectors give a graph of the same quality, not the same graph. Defaults to 1 (in order, the same graph every time):
    /// on two cores a second thread built no faster (the writer already overlaps embedding, graph and store), and
    /// USearch 2.26's concurrent inserts can strand a new vector where no search reaches it (unum-cloud/USearch#735).
    /// The index looks every vector of a concurrent batch up by itself and inserts the unfound ones again, but a
    /// stranded vector on an upper level of the graph still finds itself, so a few can stay out of reach of other
    /// queries: raise this only where build time matters more than every product being reachable.
    /// </summary>
    public int AddThreads { get; set; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    internal void Validate()
    {
        Require(Dimensions > 0, nameof(Dimensions), Dimensions);
        Require(Enum.IsDefined(Metric), nameof(Metric), Metric);
        Require(Enum.IsDefined(Storage), nameof(Storage), Storage);
        // USearch's i8 cast normalises each vector, which only the cosine distance ignores.
        Require(Storage != VectorStorage.I8 || Metric == VectorMetric.Cosine, nameof(Storage), $"{Storage} (i8 storage serves the Cosine metric only, not {Metric})");
        Require(Connectivity >= 2, nameof(Connectivity), Connectivity);
        Require(ExpansionAdd > 0, nameof(ExpansionAdd), ExpansionAdd);
        Require(ExpansionSearch > 0, nameof(ExpansionSearch), ExpansionSearch);
        Require(SearchThreads > 0, nameof(SearchThreads), SearchThreads);
        Require(AddThreads > 0, nameof(AddThreads), AddThreads);
    }

    private static void Require(bool ok, string name, object value)
    {
        if (!ok)
        {
            throw new ArgumentException($"HnswOptions.{name} has an invalid value: {value}.", name);
        }
    }
}
