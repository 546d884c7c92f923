using System.CommandLine;
using System.Globalization;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch tune --examples FILE --index DIR</c>: searches fusion settings and field boosts for the best
/// nDCG@10 on judged queries, with cross-validation, prints the table and stores the winner as the index's profile.
/// </summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var examples = new Option<string>("--examples") { Description = "Judgments: TSV/CSV with query_id, query, product_id, esci_label (the ESCI examples layout).", Required = true };
        var index = CliOptions.Index(required: true);
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds over queries.", DefaultValueFactory = _ => 5 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the table but leave the index's profile as it is." };
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("tune", "Tune the index's ranking profile on judged queries (nDCG@10, ESCI gains, k-fold CV).")
        {
            examples, index, folds, dryRun, device, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            if (parse.GetValue(folds) < 2) throw new ArgumentException("--folds must be at least 2.", "folds");
            var judgments = JudgmentsReader.Read(parse.GetValue(examples)!);
            if (judgments.SkippedLines.Count > 0)
                Console.Error.WriteLine($"Skipped {judgments.SkippedLines.Count} judgment rows (first: line {judgments.SkippedLines[0].Line}, {judgments.SkippedLines[0].Reason}).");
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var indexPath = parse.GetValue(index)!;
            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = indexPath, Device = ComputeDevice.Parse(parse.GetValue(device)!), QueryCacheSize = 0 }, loggers);
            var tuner = new ProfileTuner(engine) { Folds = parse.GetValue(folds) };
            var result = tuner.Tune(judgments.Queries, null, cancellationToken);
            Print(result, engine, tuner);
            if (!parse.GetValue(dryRun))
            {
                RankingProfileStore.Write(engine.IndexPath, result.Best.Profile);
                Console.WriteLine($"Wrote {RankingProfileStore.PathOf(engine.IndexPath)}; 'productsearch search --index {indexPath}' uses it from now on.");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void Print(ProfileTuner.Result result, SearchEngine engine, ProfileTuner tuner)
    {
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        Console.WriteLine($"Tuned on {result.Queries} queries over {engine.Manifest.ProductCount:N0} products (model {engine.Manifest.Model.Name}); {result.ProfilesTried:N0} profiles scored.");
        Console.WriteLine();
        Console.WriteLine("nDCG@10 (ESCI gains)        all queries");
        Console.WriteLine($"  bm25 only                  {F(result.Bm25Ndcg)}");
        Console.WriteLine($"  dense only                 {F(result.DenseNdcg)}");
        Console.WriteLine($"  hybrid, untuned default    {F(result.DefaultHybridNdcg)}");
        Console.WriteLine($"  hybrid, best profile       {F(result.Best.MeanNdcg)}   (optimistic: chosen on these queries)");
        Console.WriteLine($"  hybrid, {result.FoldWinners.Count}-fold CV estimate   {F(result.CrossValidatedNdcg)}   (each fold's winner scored on queries it did not see; mean of {tuner.Repeats} fold assignments)");
        Console.WriteLine();
        Console.WriteLine("Best profiles:");
        foreach (var (candidate, i) in result.Top.Take(10).Select((c, i) => (c, i)))
            Console.WriteLine($"  {i + 1,2}. {F(candidate.MeanNdcg)}  {Describe(candidate.Profile)}");
        Console.WriteLine();
        Console.WriteLine("Fold winners of the first assignment (held-out nDCG@10):");
        foreach (var (profile, heldOut) in result.FoldWinners) Console.WriteLine($"      {F(heldOut)}  {Describe(profile)}");
        Console.WriteLine();
    }

    internal static string Describe(RankingProfile p)
    {
        var fusion = p.Method == FusionMethod.Rrf
            ? FormattableString.Invariant($"rrf k={p.RrfRankConstant} w_lex={p.LexicalWeight}")
            : FormattableString.Invariant($"convex α={p.Alpha:F1} {p.Normalizer.ToString().ToLowerInvariant()}");
        var boosts = string.Join(" ", p.FieldBoosts.Where(b => b.Value > 0).Select(b => FormattableString.Invariant($"{b.Key}={b.Value}")));
        var extras = (p.ProximityBoost > 0 ? FormattableString.Invariant($", proximity {p.ProximityBoost}~{p.ProximitySlop}") : "") +
                     (p.Bm25B != 0.75f || p.Bm25K1 != 1.2f ? FormattableString.Invariant($", bm25 k1={p.Bm25K1} b={p.Bm25B}") : "");
        return $"{fusion}, depth {p.CandidateDepth}, boosts {boosts}{extras}";
    }
}
