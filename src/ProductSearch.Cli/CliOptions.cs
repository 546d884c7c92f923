using System.CommandLine;
using ProductSearch.Embedding;

namespace ProductSearch.Cli;

/// <summary>Options several commands share.</summary>
internal static class CliOptions
{
    public static Option<string?> Index(bool required)
    {
        var option = new Option<string?>("--index", "-i")
        {
            Description = required ? "Index folder." : "Index folder (default: the demo index, built on first use).",
            Required = required,
        };
        // An empty value would reach the file system as "" (an exception with a stack trace): refuse it as bad input.
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
                result.AddError("--index is empty; give the index folder.");
        });
        return option;
    }

    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = $"Embedding model: a built-in name ({string.Join(", ", BuiltInModels.All.Select(m => m.Name))}) or a sentence-transformers ONNX folder.",
    };

    public static Option<string> Device() => new("--device")
    {
        Description = "Where the model runs: auto (CUDA if it starts, else CPU), cpu, cuda or cuda:N.",
        DefaultValueFactory = _ => "auto",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Print more about what happens." };
}
