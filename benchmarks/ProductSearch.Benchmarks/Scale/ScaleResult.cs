using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>What one size's child process measured; written as JSON for the parent, which prints the tables.</summary>
internal sealed record ScaleResult
{
    public required string Label { get; init; }
    public required int Size { get; init; }
    public required string Vectors { get; init; }
    public required string CatalogSha256 { get; init; }
    public required string Machine { get; init; }
    public required DateTime StartedUtc { get; init; }
    public double? LoadAverageStart { get; init; }
    public double? LoadAverageEnd { get; set; }
    public double ModelLoadSeconds { get; init; }
    public double BuildSeconds { get; init; }
    public double ProductsPerSecond => Size / BuildSeconds;
    public long? BuildPeakRssBytes { get; init; }
    public long? SearchPeakRssBytes { get; set; }
    public bool PeakResetWorked { get; init; }
    public long IndexBytes { get; init; }
    public long StoreBytes { get; init; }
    public long LexicalBytes { get; init; }
    public long VectorBytes { get; init; }
    public LatencyStats? QueryEmbedding { get; set; }
    public Dictionary<string, LatencyStats> Queries { get; init; } = [];
    public List<HnswPoint> Hnsw { get; init; } = [];
    public double ExactSearchSeconds { get; set; }
    public double TotalSeconds { get; set; }
}

/// <summary>HNSW alone at one ef: recall@10 against exact search and the speed of k = 10 searches.</summary>
internal sealed record HnswPoint(int Ef, double RecallAt10, LatencyStats OneThread, LatencyStats TwoThreads);
