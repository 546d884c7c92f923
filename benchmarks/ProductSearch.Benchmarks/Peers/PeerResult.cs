using System.Text.Json.Serialization;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// One system in one mode: its top-10 product ids per query (scored later, by one piece of code for every system)
/// and its timings. Written by the Node peers too, so the names match their JSON.
/// </summary>
internal sealed record PeerResult
{
    [JsonPropertyName("system")] public required string System { get; init; }
    [JsonPropertyName("mode")] public required string Mode { get; init; }

    /// <summary>lexical, dense, hybrid or hnsw: which of ours a peer is paired with.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("ef")] public int? Ef { get; init; }
    [JsonPropertyName("buildSeconds")] public double BuildSeconds { get; init; }
    [JsonPropertyName("qps")] public double Qps { get; init; }
    [JsonPropertyName("p50Ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p99Ms")] public double P99Ms { get; init; }
    [JsonPropertyName("calls")] public int Calls { get; init; }
    [JsonPropertyName("errors")] public int Errors { get; init; }
    [JsonPropertyName("firstError")] public string? FirstError { get; init; }
    [JsonPropertyName("rankings")] public required Dictionary<string, string[]> Rankings { get; init; }
}

/// <summary>What the Node side wrote (benchmarks/peers/run.mjs).</summary>
internal sealed record NodePeerOutput
{
    [JsonPropertyName("node")] public string Node { get; init; } = "";
    [JsonPropertyName("packages")] public Dictionary<string, string?> Packages { get; init; } = [];
    [JsonPropertyName("systems")] public List<PeerResult> Systems { get; init; } = [];
    [JsonPropertyName("failures")] public List<NodePeerFailure> Failures { get; init; } = [];
}

internal sealed record NodePeerFailure([property: JsonPropertyName("system")] string System, [property: JsonPropertyName("error")] string Error);
