using System.Text.Json.Serialization;

namespace ProductSearch.Ranking;

/// <summary>
/// A learned second-stage ranker as an index keeps it, beside its ranking profile (<see cref="Indexing.RankerStore"/>):
/// the model and what is needed to trust it — the features it reads, the data it was trained on, how well it is
/// expected to do, and whether the index uses it. Outside the index's generations, so training one is not a commit.
/// </summary>
public sealed record StoredRanker
{
    /// <summary>The file format this version writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>File format.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The feature set it was trained on (<see cref="RankerFeatures.Version"/> then).</summary>
    public required string FeatureSet { get; init; }

    /// <summary>The features it reads, in vector order.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>How many fused candidates per query it was trained to reorder.</summary>
    public required int Depth { get; init; }

    /// <summary>Whether hybrid searches of the index use it. Off when its cross-validated gain was within noise, unless forced.</summary>
    public bool Enabled { get; init; }

    /// <summary>When it was trained.</summary>
    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>SHA-256 of the training data: the judged queries and labels, the feature set, the depth and the index's commit.</summary>
    public required string TrainingFingerprint { get; init; }

    /// <summary>Where the training data came from (the judgments file and query count).</summary>
    public string? Source { get; init; }

    /// <summary>The learner and the settings chosen for the stored model.</summary>
    public string? Settings { get; init; }

    /// <summary>The nested cross-validation estimate.</summary>
    public required RankerEstimate Estimate { get; init; }

    /// <summary>The model, as <c>MLContext.Model.Save</c> wrote it (see <see cref="RankerModel"/>).</summary>
    public required byte[] Model { get; init; }

    /// <summary>Why this version cannot use the ranker (another format or feature set), or <c>null</c> when it can.</summary>
    [JsonIgnore]
    public string? Incompatibility =>
        Format != CurrentFormat ? $"it is in ranker format {Format}, and this version reads format {CurrentFormat}"
        : FeatureSet != RankerFeatures.Version || !Features.SequenceEqual(RankerFeatures.Names)
            ? $"it reads the features of '{FeatureSet}' ({Features.Count}), and this version computes '{RankerFeatures.Version}' ({RankerFeatures.Names.Count})"
            : null;
}
