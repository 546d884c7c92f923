using System.CommandLine.Parsing;
using System.Text.Json;
using ProductSearch.Embedding;

namespace ProductSearch.Cli;

/// <summary>
/// Defaults for <c>--device</c>, <c>--index</c> and <c>--model</c> that a user sets once: an option on the command line
/// wins, then the environment (<c>PRODUCTSEARCH_DEVICE</c>, <c>PRODUCTSEARCH_INDEX</c>, <c>PRODUCTSEARCH_MODEL</c>; an
/// empty variable counts as unset), then the config file (<see cref="ConfigPath"/>), then the built-in default. Each is
/// read when an option falls back to it, and one that cannot be used is a parse error naming where it was set.
/// </summary>
internal static class CliDefaults
{
    public const string DeviceVariable = "PRODUCTSEARCH_DEVICE";
    public const string IndexVariable = "PRODUCTSEARCH_INDEX";
    public const string ModelVariable = "PRODUCTSEARCH_MODEL";

    /// <summary>Names a config file to read instead of the usual one.</summary>
    public const string ConfigVariable = "PRODUCTSEARCH_CONFIG";

    /// <summary>
    /// The config file: <c>$PRODUCTSEARCH_CONFIG</c> when set, else <c>productsearch/config.json</c> under
    /// <c>$XDG_CONFIG_HOME</c> (<c>~/.config</c> when unset; <c>%APPDATA%</c> on Windows).
    /// </summary>
    public static string ConfigPath => Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } path ? path
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "productsearch", "config.json");

    /// <summary>The configured device, or <c>null</c>; one that is not a device is an error on <paramref name="result"/>.</summary>
    public static string? Device(ArgumentResult result) => Value(result, DeviceVariable, "device", value =>
    {
        try { ComputeDevice.Parse(value); return null; }
        catch (ArgumentException) { return "is not a device: use auto, cpu, cuda or cuda:N"; }
    });

    /// <summary>The configured index folder, or <c>null</c>.</summary>
    public static string? Index(ArgumentResult result) => Value(result, IndexVariable, "index",
        value => string.IsNullOrWhiteSpace(value) ? "is empty: give the index folder" : null);

    /// <summary>The configured model, or <c>null</c>; one that is neither a built-in name nor a folder is an error.</summary>
    public static string? Model(ArgumentResult result) => Value(result, ModelVariable, "model",
        value => BuiltInModels.Find(value) is null && !Directory.Exists(value)
            ? $"is neither a built-in model ({string.Join(", ", BuiltInModels.All.Select(m => m.Name))}) nor a model folder"
            : null);

    private static string? Value(ArgumentResult result, string variable, string key, Func<string, string?> problemWith)
    {
        try
        {
            var (value, source) = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? (set, variable)
                : ReadConfig(ConfigPath).TryGetValue(key, out var configured) ? (configured, $"'{key}' in {ConfigPath}")
                : (null, null);
            if (value is null || problemWith(value) is not { } problem) return value;
            result.AddError($"{source}: '{value}' {problem}.");
        }
        catch (ArgumentException ex) // the config file itself
        {
            result.AddError(ex.Message);
        }
        return null;
    }

    /// <summary>The config file's settings, or none when there is no file; one that does not read is refused naming it.</summary>
    private static Dictionary<string, string> ReadConfig(string path)
    {
        if (!File.Exists(path)) return [];
        Dictionary<string, JsonElement>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{path} is not valid JSON ({ex.Message.Split(" Path:")[0]}); it should be an object such as {{\"device\": \"cpu\", \"index\": \"/data/shop-index\", \"model\": \"minilm\"}}.");
        }
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            if (key is not ("device" or "index" or "model"))
                throw new ArgumentException($"{path}: unknown setting '{key}'; the settings are device, index and model.");
            if (value.ValueKind != JsonValueKind.String)
                throw new ArgumentException($"{path}: '{key}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
            // A relative index or model folder is relative to the config file, not to wherever the command runs.
            var text = value.GetString()!;
            settings[key] = key != "device" && text.Length > 0 && !Path.IsPathRooted(text) && (key == "index" || BuiltInModels.Find(text) is null)
                ? Path.GetFullPath(text, Path.GetDirectoryName(Path.GetFullPath(path))!)
                : text;
        }
        return settings;
    }
}
