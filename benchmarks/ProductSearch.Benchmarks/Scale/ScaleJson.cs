using System.Text.Json;

namespace ProductSearch.Benchmarks.Scale;

internal static class ScaleJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
