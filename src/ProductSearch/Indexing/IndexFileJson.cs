using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductSearch.Indexing;

/// <summary>
/// The JSON files kept beside an index's manifest outside its generations (the ranking profile, the learned ranker):
/// one spelling (snake_case, enums as lower-case names), read whole, written atomically.
/// </summary>
internal static class IndexFileJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// The file at <paramref name="path"/> as a <typeparamref name="T"/> that passes <paramref name="check"/>, or <c>null</c>
    /// when there is no file. A file that is not one (bad JSON, or <paramref name="check"/> throws an
    /// <see cref="ArgumentException"/> or a <see cref="JsonException"/>) throws what <paramref name="invalid"/> makes of the fault.
    /// </summary>
    public static T? Read<T>(string path, Action<T> check, Func<string, Exception, Exception> invalid) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Options) ?? throw new JsonException("the file is empty");
            check(value);
            return value;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw invalid(ex.Message, ex);
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically (see <see cref="DurableFiles.ReplaceAtomically"/>).</summary>
    public static void Write<T>(string path, T value) =>
        DurableFiles.ReplaceAtomically(path, stream => JsonSerializer.Serialize(stream, value, Options));
}
