using System.Text.Json;

namespace ProductSearch.Tests.Support;

/// <summary>Rows of a golden JSON Lines file from <c>../shared/golden</c>.</summary>
internal static class GoldenFile
{
    public sealed record Row(string Text, int[] Ids, float[]? Embedding, string Source, string? Prompt);

    public static IReadOnlyList<Row> Read(string fileName)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(Path.Combine(SharedData.GoldenDirectory, fileName)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            rows.Add(new Row(
                root.GetProperty("text").GetString()!,
                root.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                // Stored as the shortest double that round-trips a float32: parse as double, cast to float.
                root.TryGetProperty("embedding", out var e) ? e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray() : null,
                root.GetProperty("source").GetString()!,
                root.TryGetProperty("prompt", out var p) ? p.GetString() : null));
        }
        return rows;
    }
}
