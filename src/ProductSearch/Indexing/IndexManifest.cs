using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductSearch.Indexing;

/// <summary>
/// The index folder's table of contents, written last and atomically at each commit: it names the generation
/// folder that holds the three stores, so a reader never sees a half-written commit.
/// </summary>
public sealed record IndexManifest
{
    /// <summary>The layout version this code writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Layout version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>Commit number; the stores live in the folder <see cref="IndexLayout.GenerationFolderName"/> names.</summary>
    public long Generation { get; init; }

    /// <summary>The embedding model.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>Products in all three stores.</summary>
    public long ProductCount { get; init; }

    /// <summary>When this commit was made (UTC).</summary>
    public DateTimeOffset BuiltAt { get; init; }

    /// <summary>How long the build took, in seconds.</summary>
    public double BuildSeconds { get; init; }

    /// <summary>The catalog the index was built from.</summary>
    public string? Catalog { get; init; }

    /// <summary>Versions of the libraries that wrote the stores.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    /// <summary>The model an index was built with.</summary>
    /// <param name="Name">Built-in name or folder name.</param>
    /// <param name="Source">What to load it from: a built-in name or the folder's full path.</param>
    /// <param name="Sha256">SHA-256 of the ONNX graph.</param>
    /// <param name="Dimensions">Vector width.</param>
    public sealed record ModelInfo(string Name, string Source, string Sha256, int Dimensions);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
