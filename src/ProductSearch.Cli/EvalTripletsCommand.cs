using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch eval triplets &lt;file&gt;</c>: the share of (query, pos, neg) triplets a model orders right, by
/// sentence-transformers' TripletEvaluator's cosine, dot, Manhattan and Euclidean rules.
/// </summary>
internal static class EvalTripletsCommand
{
    private const string ByPurpose = "purpose";
    private const string Plain = "plain";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Triplets: TSV (query, pos, neg; header optional), CSV or JSON Lines with those names." };
        var model = CliOptions.Model();
        var json = new Option<bool>("--json") { Description = "Print one JSON object with sentence-transformers' metric names." };
        var prompts = new Option<string>("--prompts")
        {
            Description = $"{ByPurpose}: the query as a query and the titles as documents, with the model's prompts for each (default); " +
                          $"{Plain}: every text as sentence-transformers' TripletEvaluator encodes it (no prompt name: only a default prompt).",
            DefaultValueFactory = _ => ByPurpose,
        };
        prompts.AcceptOnlyFromAmong(ByPurpose, Plain);
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("triplets", "Triplet accuracy of a model (sentence-transformers' TripletEvaluator).") { file, model, json, prompts, device, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            var read = TripletReader.Read(path, cancellationToken); // bad input fails before the model loads
            if (read.SkippedLines.Count > 0) await Console.Error.WriteLineAsync(EvalCommand.SkippedSummary(read.SkippedLines, "line"));

            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var modelName = parse.GetValue(model)!;
            var options = new EmbedderOptions { Model = modelName, Device = ComputeDevice.Parse(parse.GetValue(device)!), QueryCacheSize = 0 };
            if (parse.GetValue(prompts) == Plain)
            {
                var prompt = TripletEvaluator.PlainEncodePrompt(OnnxSentenceEmbedder.Resolve(modelName));
                (options.QueryPrompt, options.DocumentPrompt) = (prompt, prompt);
            }
            using var embedder = OnnxSentenceEmbedder.Create(options, loggers.CreateLogger("productsearch"));
            var accuracies = await new TripletEvaluator(embedder).EvaluateAsync(read.Triplets, cancellationToken);

            if (parse.GetValue(json)) PrintJson(accuracies);
            else PrintText(path, embedder, parse.GetValue(prompts)!, accuracies);
            return 0;
        }));
        return command;
    }

    private static void PrintText(string path, OnnxSentenceEmbedder embedder, string prompts, TripletAccuracies accuracies)
    {
        Console.WriteLine($"Triplet accuracy of {embedder.ModelName} ({embedder.ActiveDevice}) on {Counts.Of(accuracies.Count, "triplet")} from {path}");
        Console.WriteLine(prompts == Plain
            ? "Prompts: every text encoded alike, as sentence-transformers' TripletEvaluator does."
            : $"Prompts: query as a query (\"{embedder.Model.PromptFor(EmbeddingPurpose.Query)}\"), pos and neg as documents (\"{embedder.Model.PromptFor(EmbeddingPurpose.Document)}\").");
        Console.WriteLine($"Dot products use the model's output as is (normalised: {(embedder.Model.Normalize ? "yes, the model ends in Normalize" : "no")}).");
        foreach (var (name, value) in Values(accuracies))
            Console.WriteLine($"  {name,-20} {value.ToString("0.0000", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"  {"count",-20} {accuracies.Count}");
    }

    private static void PrintJson(TripletAccuracies accuracies)
    {
        var payload = Values(accuracies).ToDictionary(v => v.Name, v => (object)v.Value);
        payload["count"] = accuracies.Count;
        Console.WriteLine(JsonSerializer.Serialize(payload));
    }

    private static (string Name, double Value)[] Values(TripletAccuracies a) =>
    [
        ("cosine_accuracy", a.Cosine),
        ("dot_accuracy", a.Dot),
        ("manhattan_accuracy", a.Manhattan),
        ("euclidean_accuracy", a.Euclidean),
        ("max_accuracy", a.Max),
    ];
}
