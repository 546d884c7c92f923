using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductSearch.Cli;

/// <summary>
/// What <c>--json</c> prints: one JSON object on standard output, keys in snake_case as README's "JSON output" table
/// lists them per command, every key always present (null where there is no value), so scripts can rely on the shape.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, object payload) => output.WriteLine(JsonSerializer.Serialize(payload, Options));

    /// <summary>The option every command that prints a summary takes.</summary>
    public static System.CommandLine.Option<bool> Option() => new("--json") { Description = "Print the result as one JSON object (README: JSON output)." };
}
