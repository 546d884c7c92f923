using System.CommandLine;
using System.Globalization;
using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch eval retrieval --examples FILE (--index DIR | --catalog FILE)</c>: searches every judged query
/// in each mode and reports nDCG@k with ESCI gains, Recall@k/50/100 and MRR@k with 95 % bootstrap intervals, and
/// paired sign-flip tests between modes; <c>--out DIR</c> adds a Markdown report, a per-query CSV and PNG plots.
/// </summary>
internal static class EvalRetrievalCommand
{
    public static Command Create()
    {
        var examples = new Option<string>("--examples", "-e") { Description = "Judgments: ESCI examples as TSV/CSV (query_id, query, product_id, esci_label, …) or the official .parquet.", Required = true };
        var index = CliOptions.Index(required: false);
        index.Description = "Index to search.";
        var catalog = new Option<string?>("--catalog") { Description = "JSON Lines catalog to build a temporary index from (instead of --index)." };
        var modes = new Option<string?>("--modes")
        {
            Description = "Comma-separated modes to compare: bm25, dense, hybrid (the fused order), ranked-hybrid (the index's learned ranker). " +
                          "Default: the first three, and ranked-hybrid when the index has a ranker.",
        };
        var k = new Option<int>("--k", "-k") { Description = "Cutoff of nDCG, MRR and the first recall (Recall@50 and @100 are always reported).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write report.md, per-query.csv, summary.json and PNG plots into." };
        var split = new Option<string?>("--split") { Description = "Keep only this split of the official examples: test or train." };
        split.AcceptOnlyFromAmong("test", "train");
        var small = new Option<bool>("--small-version") { Description = "Keep only the rows of the reduced (small_version = 1) task." };
        var locale = new Option<string?>("--locale") { Description = "Keep only this product locale (us, es, jp)." };
        var variant = new Option<QueryVariant?>("--variant") { Description = "Search the queries as judged (clean, the default), with one seeded typo each (typos), or cut inside the last word as typed (prefixes)." };
        var variantSeed = new Option<int>("--variant-seed") { Description = "Seed of the typos.", DefaultValueFactory = _ => 1 };
        var model = CliOptions.Model();
        model.Description += " With --catalog: the model to build with; with --index: the index's, which a given --model must match.";
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("retrieval", "Score search modes against ESCI judgments (nDCG, recall, MRR, intervals, tests).")
        {
            examples, index, catalog, modes, k, json, output, split, small, locale, variant, variantSeed, model, device, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var (indexPath, catalogPath) = (parse.GetValue(index), parse.GetValue(catalog));
            if ((indexPath is null) == (catalogPath is null))
                throw new ArgumentException("Give the index to search with --index DIR, or a catalog to index first with --catalog FILE (one of them).");
            var named = parse.GetValue(modes) is { } list ? ParseModes(list) : null;
            var options = new RetrievalEvaluationOptions { Modes = named ?? [SearchMode.Bm25, SearchMode.Dense, SearchMode.Hybrid], K = parse.GetValue(k) };
            options.Validate();
            var filter = new ExamplesFilter { Locale = parse.GetValue(locale), Split = parse.GetValue(split), SmallVersionOnly = parse.GetValue(small) };
            var examplesPath = parse.GetValue(examples)!;
            // Read the judgments before any model loads or index builds: a bad file answers at once.
            var judgments = await ExamplesReader.ReadAsync(examplesPath, filter, cancellationToken);
            var unit = ExamplesReader.IsParquet(examplesPath) ? "row" : "line";
            var jsonOutput = parse.GetValue(json);
            var notes = jsonOutput ? Console.Error : Console.Out;
            if (judgments.SkippedLines.Count > 0) await Console.Error.WriteLineAsync(EvalCommand.SkippedSummary(judgments.SkippedLines, unit));

            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var deviceChoice = ComputeDevice.Parse(parse.GetValue(device)!);
            string? temporary = null;
            try
            {
                if (catalogPath is not null)
                {
                    temporary = Path.Combine(Path.GetTempPath(), "productsearch-eval-" + Guid.NewGuid().ToString("N")[..12]);
                    indexPath = temporary;
                    await IndexRunner.RunAsync(catalogPath, temporary, parse.GetValue(model)!, deviceChoice,
                        loggers, Console.Error, cancellationToken);
                }
                var indexed = IndexedProductIds.Read(indexPath!);
                using var engine = SearchEngine.Open(new SearchEngineOptions
                {
                    IndexPath = indexPath!,
                    Model = catalogPath is null ? CliOptions.Given(parse, model) : null,
                    Device = deviceChoice,
                }, loggers);
                var queries = QueryVariants.Apply(judgments.Queries, (parse.GetValue(variant) ?? QueryVariant.Clean), parse.GetValue(variantSeed));
                options = options with { Modes = ModesFor(engine, named, options.Modes) };
                var evaluation = await new RetrievalEvaluator(options).EvaluateAsync(queries, EngineSearch.For(engine, filter.Locale), indexed, cancellationToken);
                var run = new RetrievalRunInfo
                {
                    Examples = examplesPath,
                    Filter = filter,
                    Variant = (parse.GetValue(variant) ?? QueryVariant.Clean),
                    SkippedRows = judgments.SkippedLines,
                    SkippedRowUnit = unit,
                    Index = catalogPath is null ? engine.IndexPath : "a temporary index",
                    Catalog = catalogPath,
                    Model = engine.Embedder.ModelName,
                    Products = engine.Manifest.ProductCount,
                };

                if (jsonOutput) Console.WriteLine(RetrievalEvaluationJson.ToJson(evaluation, run));
                else PrintTable(evaluation, run);
                if (parse.GetValue(output) is { } folder)
                {
                    var files = await RetrievalReportWriter.WriteAsync(evaluation, run, folder, cancellationToken);
                    await notes.WriteLineAsync($"Report: {files[0]} ({files.Count - 1} more files in {folder}).");
                }
                return 0;
            }
            finally
            {
                if (temporary is not null) TryDelete(temporary);
            }
        }));
        return command;
    }

    private static SearchMode[] ParseModes(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => SearchModes.TryParse(name, out var mode) ? mode
            : throw new ArgumentException($"Unknown search mode '{name}' in --modes: use bm25, dense, hybrid and/or ranked-hybrid, separated by commas."))
        .ToArray();

    /// <summary>
    /// The modes to run: those named, or the defaults with ranked-hybrid added when the index has a ranker it can use.
    /// Naming ranked-hybrid for an index without one is an error, not a silent copy of hybrid.
    /// </summary>
    private static IReadOnlyList<SearchMode> ModesFor(SearchEngine engine, SearchMode[]? named, IReadOnlyList<SearchMode> defaults)
    {
        if (named is null) return engine.Ranker is null ? defaults : [.. defaults, SearchMode.RankedHybrid];
        if (!named.Contains(SearchMode.RankedHybrid) || engine.Ranker is not null) return named;
        _ = RankerStore.ReadCompatible(engine.IndexPath); // throws, with the way out, for a ranker this version refuses
        throw new ArgumentException($"Index '{engine.IndexPath}' has no learned ranker to evaluate as ranked-hybrid: train one with 'productsearch train-ranker --examples FILE --index {engine.IndexPath}'.");
    }

    private static void PrintTable(RetrievalEvaluation evaluation, RetrievalRunInfo run)
    {
        var metrics = evaluation.Options.Metrics;
        Console.WriteLine($"Retrieval over {evaluation.Queries.Count} {(run.Variant == QueryVariant.Clean ? "" : run.Variant.ToString().ToLowerInvariant() + " ")}queries of {run.Examples} ({run.Filter}); {run.Index}" +
                          (run.Catalog is null ? "" : $" built from {run.Catalog}") + $": {run.Products:N0} products, model {run.Model}.");
        Console.WriteLine($"Means with 95 % bootstrap intervals ({evaluation.Options.BootstrapResamples:N0} resamples of the queries, seed {evaluation.Options.Seed}):");
        Console.WriteLine();
        Console.WriteLine($"{"mode",-13}" + string.Concat(metrics.Select(m => $"  {m.DisplayName,-24}")));
        foreach (var mode in evaluation.Modes)
        {
            Console.WriteLine($"{RetrievalEvaluationJson.ModeName(mode.Mode),-13}" + string.Concat(metrics.Select(m => mode.Metrics[m.Name] is var e && e.Queries > 0
                ? $"  {$"{F(e.Mean)} [{F(e.Low)}, {F(e.High)}]",-24}" : $"  {"—",-24}")));
        }
        if (evaluation.Comparisons.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"Paired sign-flip tests, two-sided ({evaluation.Options.RandomizationDraws:N0} draws): mean difference (p-value)");
            foreach (var pair in evaluation.Comparisons.GroupBy(c => (c.Mode, c.Baseline)))
            {
                Console.WriteLine($"  {RetrievalEvaluationJson.ModeName(pair.Key.Mode)} − {RetrievalEvaluationJson.ModeName(pair.Key.Baseline)}: " +
                                  string.Join(", ", pair.Select(c => $"{RetrievalMetric.DisplayNameOf(c.Metric)} {c.MeanDifference.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture)} (p {c.PValue.ToString("0.0000", CultureInfo.InvariantCulture)})")));
            }
        }
        Console.WriteLine();
        Console.WriteLine(evaluation.QueriesWithoutExact == 0
            ? "Every query has an Exact product."
            : $"{evaluation.QueriesWithoutExact} queries have no Exact product: left out of recall, 0 in MRR.");
        Console.WriteLine(evaluation.JudgedProductsNotInIndex is > 0
            ? $"{evaluation.JudgedProductsNotInIndex:N0} of {evaluation.JudgedProducts:N0} judged products are not in the index ({evaluation.QueriesWithProductsNotInIndex} queries affected); they count as unfound."
            : $"All {evaluation.JudgedProducts:N0} judged products are in the index.");
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
