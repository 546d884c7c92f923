using System.CommandLine;
using System.Text.Json;
using ProductSearch.Embedding;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch suggest "&lt;text&gt;" --index DIR [--past-queries LOGDIR]</c>: completions of what a shopper is typing,
/// from past shoppers' queries in a behaviour log and from the catalog's words.
/// </summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "What the shopper typed so far; its last word is being typed." };
        var index = CliOptions.Index(required: true);
        var max = new Option<int>("-n", "--max") { Description = "Most suggestions (1–20).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the suggestions as JSON." };
        var pastQueries = new Option<string?>("--past-queries")
        {
            Description = "A behaviour log folder (ubi_queries-*.jsonl, as the storefront writes) whose searches that found something complete the text too.",
        };
        var minSearches = new Option<int>("--min-searches")
        {
            Description = "Times a past query must have found something before it is suggested (1 or more).",
            DefaultValueFactory = _ => new PastQueryOptions().MinimumSearches,
        };
        var verbose = CliOptions.Verbose();
        var command = new Command("suggest", "Complete what a shopper is typing from past queries and the catalog's titles and brands.")
        {
            text, index, max, pastQueries, minSearches, json, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var typed = parse.GetValue(text) ?? "";
            var count = parse.GetValue(max);
            if (count is < 1 or > 20) throw new ArgumentException($"--max must be between 1 and 20, got {count}.", "max");
            if (typed.Length > SearchEngine.MaxSuggestionPrefixLength)
                throw new ArgumentException($"The text to complete is longer than {SearchEngine.MaxSuggestionPrefixLength} characters.", "text");
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            // Suggestions read only the lexical index; the model is loaded on the CPU because an engine holds one.
            var past = new PastQueryOptions { LogFolder = parse.GetValue(pastQueries), MinimumSearches = parse.GetValue(minSearches) };
            if (past.MinimumSearches < 1) throw new ArgumentException($"--min-searches must be 1 or more, got {past.MinimumSearches}.", "min-searches");
            if (past.LogFolder is { } folder && !Directory.Exists(folder))
                throw new DirectoryNotFoundException($"The behaviour log folder '{folder}' does not exist.");
            using var engine = SearchEngine.Open(new SearchEngineOptions
            {
                IndexPath = parse.GetValue(index)!, Device = ComputeDevice.Cpu, RefreshInterval = TimeSpan.Zero, PastQueries = past,
            }, loggers);
            var suggestions = await engine.SuggestAsync(typed, count, cancellationToken);
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(suggestions.Select(s => new { text = s.Text, kind = s.Kind.ToString().ToLowerInvariant(), products = s.Products, searches = s.Searches })));
            else if (suggestions.Count == 0) Console.WriteLine("(no suggestions)");
            else foreach (var s in suggestions) Console.WriteLine($"{s.Text}   ({Describe(s)})");
            return 0;
        }));
        return command;
    }

    private static string Describe(Suggestion suggestion) => suggestion.Kind switch
    {
        SuggestionKind.PastQuery => $"past query, searched {suggestion.Searches:N0} times",
        SuggestionKind.Brand => $"brand, {Counts.Of(suggestion.Products, "product")}",
        _ => $"query, {Counts.Of(suggestion.Products, "product")}",
    };
}
