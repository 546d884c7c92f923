using System.CommandLine;
using ProductSearch.Embedding;

namespace ProductSearch.Cli;

/// <summary>Options several commands share. <c>--index</c>, <c>--model</c> and <c>--device</c> default to <see cref="CliDefaults"/>.</summary>
internal static class CliOptions
{
    private const string SetOnce = $"(or set {CliDefaults.IndexVariable}, or \"index\" in the config file)";

    public static Option<string?> Index(bool required)
    {
        var option = new Option<string?>("--index", "-i")
        {
            Description = required ? $"Index folder {SetOnce}." : $"Index folder (default: {CliDefaults.IndexVariable}, or the demo index, built on first use).",
            DefaultValueFactory = CliDefaults.Index,
        };
        // An empty value would reach the file system as "" (an exception with a stack trace): refuse it as bad input.
        // Required only when no default is set: checked here rather than by Required, which a default does not satisfy.
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
                result.AddError("--index is empty; give the index folder.");
            else if (required && result.Implicit && DefaultOrError(result) is null)
                result.AddError($"Option '--index' is required {SetOnce}.");
        });
        return option;
    }

    /// <summary>The configured default or <c>null</c>; "" where reading it failed (it added its own error, naming the cause).</summary>
    private static string? DefaultOrError(System.CommandLine.Parsing.OptionResult result)
    {
        try { return result.GetValueOrDefault<string?>(); }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>The model a command builds or embeds with: the option, else the configured default, else the built-in default.</summary>
    public static Option<string> Model() => new("--model", "-m")
    {
        Description = $"Embedding model: a built-in name ({string.Join(", ", BuiltInModels.All.Select(m => m.Name))}) or a sentence-transformers ONNX folder " +
                      $"(default: {CliDefaults.ModelVariable}, the config file's \"model\", or {BuiltInModels.DefaultName}).",
        DefaultValueFactory = result => CliDefaults.Model(result) ?? BuiltInModels.DefaultName,
    };

    /// <summary>
    /// A model given on the command line, or <c>null</c>: for commands that search an existing index, where the index's
    /// own model is the default and a configured default model must not override it.
    /// </summary>
    public static string? Given(ParseResult parse, Option<string> model) => parse.GetResult(model) is { Implicit: false } ? parse.GetValue(model) : null;

    public static Option<string> Device() => new("--device")
    {
        Description = $"Where the model runs: auto (CUDA if it starts, else CPU), cpu, cuda or cuda:N (default: {CliDefaults.DeviceVariable}, the config file's \"device\", or auto).",
        DefaultValueFactory = result => CliDefaults.Device(result) ?? "auto",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Print more about what happens." };
}
