using System.CommandLine;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch train-ranker --examples FILE --index DIR</c>: trains the learned second stage on judged queries
/// with nested cross-validation, prints the estimate against the fused order, and stores the ranker beside the index's
/// ranking profile — enabled only when its gain is beyond noise, or with <c>--force</c>.
/// </summary>
internal static class TrainRankerCommand
{
    public static Command Create()
    {
        var examples = new Option<string>("--examples", "-e") { Description = "Judgments: ESCI examples as TSV/CSV (query_id, query, product_id, esci_label) or the official .parquet.", Required = true };
        var index = CliOptions.Index(required: true);
        index.Description = "Index to train for; the ranker is stored in it (ranker.json).";
        var depth = new Option<int?>("--depth") { Description = "Fused candidates per query the ranker reorders (default: the ranking profile's rerank depth, 50)." };
        var folds = new Option<int>("--folds") { Description = "Outer cross-validation folds over queries.", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Fold assignments to average the estimate over.", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Enable the ranker even when its cross-validated gain is within noise." };
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("train-ranker", "Train the learned second stage (LambdaMART) on judged queries, with nested cross-validation.")
        {
            examples, index, depth, folds, repeats, force, device, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var trainer = new RankerTrainer { Folds = parse.GetValue(folds), Repeats = parse.GetValue(repeats) };
            var examplesPath = parse.GetValue(examples)!;
            var judgments = await ExamplesReader.ReadAsync(examplesPath, new ExamplesFilter(), cancellationToken);
            if (judgments.SkippedLines.Count > 0)
                await Console.Error.WriteLineAsync(EvalCommand.SkippedSummary(judgments.SkippedLines, ExamplesReader.IsParquet(examplesPath) ? "row" : "line"));
            trainer.EnsureEnough(judgments.Queries.Count); // before any model loads
            var indexPath = parse.GetValue(index)!;
            ReportReplaced(indexPath);
            var indexed = IndexedProductIds.Read(indexPath);
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = indexPath, Device = ComputeDevice.Parse(parse.GetValue(device)!) }, loggers);
            var candidates = parse.GetValue(depth) ?? engine.DefaultProfile.RerankDepth;
            var data = RankerTrainingData.Collect(engine, judgments.Queries, candidates, indexed, cancellationToken);
            PrintData(data, examplesPath, engine);
            Console.WriteLine($"Nested cross-validation: {trainer.Folds} outer folds × {trainer.Repeats} assignment(s); {trainer.InnerFolds} inner folds choose among " +
                              $"{string.Join("/", trainer.Grid.Select(g => g.Leaves))} leaves ({trainer.Grid[0].Trees} trees, learning rate {trainer.Grid[0].LearningRate}).");
            Console.WriteLine($"  {"repeat",6}  {"fold",4}  {"queries",7}  {"leaves",6}  {"fused",6}  {"ranked",6}  {"difference",10}");
            var result = trainer.Train(data, parse.GetValue(force), $"{Path.GetFileName(examplesPath)} ({data.Queries.Count} queries)",
                new SynchronousProgress<RankerFold>(f => Console.WriteLine(RankerSummary.Row(f))), cancellationToken);
            var estimate = result.Estimate;
            Console.WriteLine();
            Console.WriteLine($"Cross-validated {RankerSummary.Estimate(estimate)}; paired sign-flip test, {trainer.Draws:N0} draws.");
            Console.WriteLine($"{RankerSummary.Spread(estimate.FoldDifferences)}.");
            RankerStore.Write(indexPath, result.Ranker);
            Console.WriteLine(Verdict(result, indexPath, parse.GetValue(force)));
            return 0;
        }));
        return command;
    }

    private static void ReportReplaced(string indexPath)
    {
        try
        {
            if (RankerStore.Read(indexPath)?.Incompatibility is { } why)
                Console.WriteLine($"The index's current ranker cannot be used by this version ({why}); this training replaces it.");
        }
        catch (RankerException ex)
        {
            Console.WriteLine($"{ex.Message} This training replaces it.");
        }
    }

    private static void PrintData(RankerTrainingSet data, string examplesPath, SearchEngine engine)
    {
        Console.WriteLine($"Training data: {data.Queries.Count} judged queries of {examplesPath}, the first {data.Depth} fused candidates of each " +
                          $"({engine.Manifest.ProductCount:N0} products, model {engine.Manifest.Model.Name}): {data.Rows:N0} rows, {RankerFeatures.Names.Count} features ({RankerFeatures.Version}).");
        Console.WriteLine(data.JudgedProductsNotInIndex > 0
            ? $"{data.JudgedProductsNotInIndex:N0} of {data.JudgedProducts:N0} judged products are not in the index ({data.QueriesWithProductsNotInIndex} queries affected): they cannot be candidates, and stay in the ideal rankings."
            : $"All {data.JudgedProducts:N0} judged products are in the index.");
    }

    private static string Verdict(RankerTrainingResult result, string indexPath, bool force)
    {
        var stored = $"stored in {RankerStore.PathOf(indexPath)} ({result.Chosen.Leaves} leaves, chosen by cross-validation on all queries)";
        if (result.Estimate.IsBeyondNoise)
            return $"The gain is beyond noise: {stored} and enabled; hybrid searches of {indexPath} reorder their top {result.Ranker.Depth} with it.";
        var noise = $"The gain is within noise (p ≥ {RankerEstimate.Significance} or no gain)";
        return force
            ? $"{noise}, but --force: {stored} and enabled."
            : $"{noise}: {stored} but NOT enabled; hybrid searches keep the fused order. 'eval retrieval --index {indexPath}' measures it as ranked-hybrid; --force enables it.";
    }

    /// <summary>Reports on the calling thread, at once (<see cref="Progress{T}"/> would post to the thread pool and print out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
