using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductSearch.Indexing;

/// <summary>
/// The index folder's table of contents, written last and atomically at each commit: it names the generation
/// folder that holds the three stores, so a reader never sees a half-written commit.
/// </summary>
public sealed record IndexManifest
{
    /// <summary>
    /// The layout version this code writes: 2, whose generations may hold a product store delta beside the base
    /// (<c>products-delta.db</c>, shared base <c>products.db</c>). A version that reads only layout 1 would read the base
    /// alone and miss every change in the delta, so it must refuse the index, and does by this number. Layout 1 (no
    /// product store delta) is still read: its <c>products.db</c> is a base without a delta.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The oldest layout version this code reads.</summary>
    public const int OldestReadableFormat = 1;

    /// <summary>Layout version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Commit number; the stores live in the folder <see cref="IndexLayout.GenerationFolderName"/> names.</summary>
    public long Generation { get; init; }

    /// <summary>The embedding model.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>The HNSW graph's settings (ef can still be changed at search time).</summary>
    public HnswInfo Hnsw { get; init; } = new("cosine", 16, 128, 64);

    /// <summary>Products in all three stores.</summary>
    public long ProductCount { get; init; }

    /// <summary>When this commit was made (UTC).</summary>
    public DateTimeOffset BuiltAt { get; init; }

    /// <summary>How long the build took, in seconds.</summary>
    public double BuildSeconds { get; init; }

    /// <summary>The catalog the index was built from.</summary>
    public string? Catalog { get; init; }

    /// <summary>
    /// The lexical analysis the BM25 index's terms were made with (<see cref="Lexical.ProductAnalyzer.Name"/>);
    /// <c>null</c> in manifests written before it was recorded, whose analysis was <see cref="Lexical.ProductAnalyzer.LegacyName"/>.
    /// </summary>
    public string? LexicalAnalysis { get; init; }

    /// <summary>Whether this version reads the manifest's layout (<see cref="Format"/>).</summary>
    [JsonIgnore]
    public bool HasReadableLayout => Format is >= OldestReadableFormat and <= CurrentFormat;

    /// <summary>Throws unless this version reads the manifest's layout (<see cref="Format"/>).</summary>
    /// <exception cref="IncompatibleIndexException">The index was written in another layout version.</exception>
    public void EnsureReadableLayout(string indexPath)
    {
        if (!HasReadableLayout)
            throw new IncompatibleIndexException(IndexIncompatibility.OtherLayout, indexPath,
                $"Index '{indexPath}' has layout version {Format}; this version of ProductSearch reads {OldestReadableFormat} to {CurrentFormat}.");
    }

    /// <summary>
    /// What makes a manifest that parsed as JSON unusable — a field missing or out of range, as a flipped byte leaves
    /// it — or <c>null</c> when nothing does; read before anything trusts it (<see cref="IndexLayout.ReadManifest"/>).
    /// </summary>
    internal string? Invalidity()
    {
        if (Generation < 1) return $"generation {Generation}";
        if (ProductCount < 0) return $"product_count {ProductCount}";
        if (Model is not { Name.Length: > 0, Source.Length: > 0, Dimensions: > 0 } model) return "the model is missing or incomplete";
        if (!IsSha256(model.Sha256)) return "the model's sha256 is not a SHA-256";
        if (Hnsw is not { Metric: { } metric, Storage: { } storage, Connectivity: > 0, ExpansionAdd: > 0, ExpansionSearch: > 0 }
            || !Enum.TryParse<Vector.VectorMetric>(metric, ignoreCase: true, out _) || !Enum.TryParse<Vector.VectorStorage>(storage, ignoreCase: true, out _))
            return "the hnsw settings are missing or out of range";
        if (Packages is null) return "packages is missing";
        if (Files is { } files && files.Any(f => string.IsNullOrEmpty(f.Key) || f.Key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(f.Key)
                                                  || f.Value is not { Length: >= 0 } || !IsSha256(f.Value.Sha256)))
            return "a file record is malformed";
        return null;
    }

    private static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);

    /// <summary>Whether the BM25 index was built with the analysis this version queries with.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasCurrentLexicalAnalysis => (LexicalAnalysis ?? Lexical.ProductAnalyzer.LegacyName) == Lexical.ProductAnalyzer.Name;

    /// <summary>Versions of the libraries that wrote the stores.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Every file of the generation as committed, by its path inside the generation folder (<c>/</c>-separated), with
    /// its length and SHA-256: what <see cref="IndexVerifier"/> and every writer check the files against, since the
    /// stores' own formats do not notice a flipped byte. <c>null</c> in manifests written before they were recorded;
    /// such an index is checked by the structural checks alone until its next commit records them.
    /// </summary>
    public IReadOnlyDictionary<string, FileDigest>? Files { get; init; }

    /// <summary>A file's length and SHA-256 (lowercase hex) when it was committed.</summary>
    /// <param name="Length">Bytes.</param>
    /// <param name="Sha256">SHA-256 of its contents, lowercase hex.</param>
    public sealed record FileDigest(long Length, string Sha256)
    {
        /// <summary>
        /// The file's modification time (UTC) when this digest was made, recorded only once it was safely past; the
        /// next writer, which shares the file by hard link rather than copying it, trusts the digest without hashing
        /// again while the file's length and time are still these. <c>null</c>: hash it first (a file written just
        /// before its commit, or a manifest written before times were recorded).
        /// </summary>
        public DateTime? WrittenAt { get; init; }
    }

    /// <summary>The model an index was built with.</summary>
    /// <param name="Name">Built-in name or folder name.</param>
    /// <param name="Source">What to load it from: a built-in name or the folder's full path.</param>
    /// <param name="Sha256">SHA-256 of the ONNX graph.</param>
    /// <param name="Dimensions">Vector width.</param>
    public sealed record ModelInfo(string Name, string Source, string Sha256, int Dimensions)
    {
        /// <summary>Whether <paramref name="embedder"/> runs this model (same weights, same width).</summary>
        public bool Matches(Embedding.ITextEmbedder embedder) => embedder.ModelSha256 == Sha256 && embedder.Dimensions == Dimensions;

        /// <summary>The error for an embedder that is not this model, naming both.</summary>
        public IncompatibleIndexException Mismatch(string indexPath, Embedding.ITextEmbedder embedder) => new(IndexIncompatibility.OtherModel, indexPath,
            $"Index '{indexPath}' was built with model '{Name}' ({Dimensions}-d, sha256 {Sha256[..12]}…), " +
            $"but the model given is '{embedder.ModelName}' ({embedder.Dimensions}-d, sha256 {embedder.ModelSha256[..12]}…).");
    }

    /// <summary>HNSW settings an index was built with.</summary>
    /// <param name="Metric">Distance (<c>cosine</c>, <c>innerproduct</c>, <c>l2squared</c>).</param>
    /// <param name="Connectivity">Edges per node (M).</param>
    /// <param name="ExpansionAdd">ef at construction.</param>
    /// <param name="ExpansionSearch">ef at search.</param>
    /// <param name="Storage">How vectors are stored (<c>f32</c>, <c>f16</c>); manifests written before it was recorded mean <c>f32</c>.</param>
    public sealed record HnswInfo(string Metric, int Connectivity, int ExpansionAdd, int ExpansionSearch, string Storage = "f32")
    {
        /// <summary>The settings as <see cref="Vector.HnswOptions"/> for vectors of <paramref name="dimensions"/>.</summary>
        public Vector.HnswOptions ToOptions(int dimensions) => new()
        {
            Dimensions = dimensions,
            Metric = Enum.Parse<Vector.VectorMetric>(Metric, ignoreCase: true),
            Connectivity = Connectivity,
            ExpansionAdd = ExpansionAdd,
            ExpansionSearch = ExpansionSearch,
            Storage = Enum.Parse<Vector.VectorStorage>(Storage, ignoreCase: true),
        };

        /// <summary>Describes <paramref name="options"/>.</summary>
        public static HnswInfo From(Vector.HnswOptions options) =>
            new(options.Metric.ToString().ToLowerInvariant(), options.Connectivity, options.ExpansionAdd, options.ExpansionSearch,
                options.Storage.ToString().ToLowerInvariant());
    }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
