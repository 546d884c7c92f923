using System.CommandLine;
using System.Globalization;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch tune --examples FILE --index DIR</c>: scores a small grid of ranking profiles on judged queries,
/// chooses by nested cross-validation (the simplest profile within one standard error of the best; the built-in
/// default unless something beats it beyond noise), prints the held-out estimate with its spread and a paired test
/// against the default, and stores the choice as the index's profile.
/// </summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var examples = new Option<string>("--examples") { Description = "Judgments: TSV/CSV with query_id, query, product_id, esci_label (the ESCI examples layout).", Required = true };
        var index = CliOptions.Index(required: true);
        var folds = new Option<int>("--folds") { Description = "Outer (and inner) cross-validation folds over queries.", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Fold assignments averaged.", DefaultValueFactory = _ => 5 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the results but leave the index's profile as it is." };
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var json = CliJson.Option();
        var command = new Command("tune", "Choose the index's ranking profile on judged queries by nested cross-validation (nDCG@10, ESCI gains).")
        {
            examples, index, folds, repeats, dryRun, device, json, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            if (parse.GetValue(folds) < 2) throw new ArgumentException("--folds must be at least 2.", "folds");
            if (parse.GetValue(repeats) < 1) throw new ArgumentException("--repeats must be at least 1.", "repeats");
            var judgments = JudgmentsReader.Read(parse.GetValue(examples)!);
            if (judgments.SkippedLines.Count > 0)
                Console.Error.WriteLine($"Skipped {judgments.SkippedLines.Count} judgment rows (first: line {judgments.SkippedLines[0].Line}, {judgments.SkippedLines[0].Reason}).");
            var cv = new NestedCrossValidation { OuterFolds = parse.GetValue(folds), InnerFolds = parse.GetValue(folds), Repeats = parse.GetValue(repeats) };
            var needed = Math.Max(NestedCrossValidation.MinimumQueries, cv.OuterFolds * 2);
            if (judgments.Queries.Count < needed)
                throw new ArgumentException($"'{parse.GetValue(examples)}' holds {judgments.Queries.Count} judged queries; tuning needs at least {needed}.");
            var indexPath = parse.GetValue(index)!;
            ReportMissing(judgments.Queries, IndexedProductIds.Read(indexPath));

            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            using var engine = SearchEngine.Open(new SearchEngineOptions
            {
                IndexPath = indexPath, Device = ComputeDevice.Parse(parse.GetValue(device)!), QueryCacheSize = 0, ResultCacheSize = 0, RefreshInterval = TimeSpan.Zero,
            }, loggers);
            var result = new ProfileTuner(engine) { CrossValidation = cv }.Tune(judgments.Queries, null, cancellationToken);
            var stored = parse.GetValue(dryRun) ? null : Store(result, engine.IndexPath);
            if (parse.GetValue(json))
            {
                CliJson.Write(Console.Out, Json(result, engine, cv, stored));
                return Task.FromResult(0);
            }
            Print(result, engine, cv);
            if (stored is not null)
                Console.WriteLine(result.KeptReference
                    ? $"Kept the built-in default profile (nothing beat it beyond noise); {engine.IndexPath} has no profile file of its own."
                    : $"Wrote {stored}; searches of {engine.IndexPath} use it from now on.");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void ReportMissing(IReadOnlyList<QueryJudgments> queries, IReadOnlySet<string> indexed)
    {
        var judged = queries.SelectMany(q => q.Labels.Keys).Distinct().ToArray();
        var missing = judged.Count(id => !indexed.Contains(id));
        if (missing > 0)
            Console.Error.WriteLine($"{missing:N0} of {judged.Length:N0} judged products are not in the index ({queries.Count(q => q.Labels.Keys.Any(id => !indexed.Contains(id)))} queries affected); they count as unfound.");
    }

    /// <summary>Stores the choice; returns the profile file's path (which the built-in default leaves absent).</summary>
    private static string Store(ProfileTuner.Result result, string indexPath)
    {
        var path = RankingProfileStore.PathOf(indexPath);
        if (result.KeptReference)
        {
            // Nothing beat the built-in default beyond noise: the index follows the default (and its future improvements).
            if (File.Exists(path)) File.Delete(path);
            return path;
        }
        var estimate = result.CrossValidatedNdcg.ToString("F4", CultureInfo.InvariantCulture);
        RankingProfileStore.Write(indexPath, result.Chosen with
        {
            Source = $"productsearch tune: {result.Queries} queries, nested cross-validated nDCG@10 {estimate}",
        });
        return path;
    }

    /// <summary>The <c>--json</c> shape of <c>tune</c> (README: JSON output).</summary>
    private static object Json(ProfileTuner.Result result, SearchEngine engine, NestedCrossValidation cv, string? stored)
    {
        static object? Mode(RetrievalFigures? figures) => figures is null ? null : new
        {
            ndcg10 = figures.Ndcg10, ndcg10_interval = Interval(figures.NdcgInterval),
            recall10 = figures.Recall10, recall100 = figures.Recall100, mrr10 = figures.Mrr10,
        };
        return new
        {
            index = engine.IndexPath,
            queries = result.Queries,
            products = engine.Manifest.ProductCount,
            model = engine.Manifest.Model.Name,
            profiles_tried = result.ProfilesTried,
            cross_validation = new { outer_folds = cv.OuterFolds, inner_folds = cv.InnerFolds, repeats = cv.Repeats },
            expected_ndcg10 = result.CrossValidatedNdcg,
            expected_ndcg10_interval = Interval(result.Interval),
            outer_folds = new { min = result.FoldMeans.Min(), max = result.FoldMeans.Max(), sd = NestedCrossValidation.StandardDeviation(result.FoldMeans) },
            versus_default = new { difference = result.VersusReference.Difference, p = result.VersusReference.PValue },
            modes = new { bm25 = Mode(result.CrossValidatedBm25), dense = Mode(result.CrossValidatedDense), hybrid = Mode(result.CrossValidatedHybrid) },
            hybrid_versus_dense = new { difference = result.HybridVersusDense.Difference, p = result.HybridVersusDense.PValue },
            in_sample = new
            {
                bm25 = result.Bm25Ndcg, dense = result.DenseNdcg, @default = result.ReferenceNdcg, chosen = result.ChosenInSample, best = result.BestInSample,
            },
            kept_default = result.KeptReference,
            chosen = result.KeptReference ? null : Describe(result.Chosen),
            profile_file = stored is not null && !result.KeptReference ? stored : null,
            stored = stored is not null,
        };
    }

    private static double[]? Interval((double Low, double High)? interval) => interval is { } i ? [i.Low, i.High] : null;

    private static void Print(ProfileTuner.Result result, SearchEngine engine, NestedCrossValidation cv)
    {
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        string Signed(double v) => v.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture);
        Console.WriteLine($"Tuned on {result.Queries} queries over {Counts.Of(engine.Manifest.ProductCount, "product")} (model {engine.Manifest.Model.Name}); {result.ProfilesTried} profiles scored.");
        Console.WriteLine();
        var interval = result.Interval is { } i ? $" [{F(i.Low)}, {F(i.High)}]" : "";
        var folds = result.FoldMeans;
        Console.WriteLine($"Expected nDCG@10 on unseen queries (nested {cv.OuterFolds}×{cv.InnerFolds}-fold cross-validation, {cv.Repeats} repeats): {F(result.CrossValidatedNdcg)}{interval}");
        Console.WriteLine($"  outer folds: min {F(folds.Min())}, max {F(folds.Max())}, sd {F(NestedCrossValidation.StandardDeviation(folds))}");
        Console.WriteLine($"  versus the built-in default, paired over queries: {Signed(result.VersusReference.Difference)} (p {F(result.VersusReference.PValue)})");
        Console.WriteLine();
        Console.WriteLine("Each mode on unseen queries (its settings among the grid's chosen by the same nested cross-validation):");
        Console.WriteLine($"  {"",-8} {"nDCG@10",-26} {"Recall@10",9} {"Recall@100",10} {"MRR@10",7}");
        foreach (var (name, figures) in new[] { ("bm25", result.CrossValidatedBm25), ("dense", result.CrossValidatedDense), ("hybrid", result.CrossValidatedHybrid) })
        {
            if (figures is null) continue;
            var range = figures.NdcgInterval is { } r ? $" [{F(r.Low)}, {F(r.High)}]" : "";
            Console.WriteLine($"  {name,-8} {F(figures.Ndcg10) + range,-26} {F(figures.Recall10),9} {F(figures.Recall100),10} {F(figures.Mrr10),7}");
        }
        Console.WriteLine($"  hybrid versus dense, paired over queries: {Signed(result.HybridVersusDense.Difference)} (p {F(result.HybridVersusDense.PValue)})");
        Console.WriteLine();
        Console.WriteLine("On these same queries (in-sample, optimistic for every tuned figure):");
        Console.WriteLine($"  bm25 only                  {F(result.Bm25Ndcg)}");
        Console.WriteLine($"  dense only                 {F(result.DenseNdcg)}");
        Console.WriteLine($"  hybrid, built-in default   {F(result.ReferenceNdcg)}");
        Console.WriteLine($"  hybrid, chosen profile     {F(result.ChosenInSample)}");
        Console.WriteLine($"  hybrid, grid's best        {F(result.BestInSample)}");
        Console.WriteLine();
        Console.WriteLine(result.KeptReference ? "Chosen: the built-in default (nothing beat it beyond one standard error)." : $"Chosen: {Describe(result.Chosen)}");
        Console.WriteLine("Chosen in the outer folds:");
        foreach (var (profile, times) in result.FoldChoices.Take(8)) Console.WriteLine($"  {times,3}×  {Describe(profile)}");
        Console.WriteLine();
    }

    internal static string Describe(RankingProfile p)
    {
        var fusion = p.Method == FusionMethod.Rrf
            ? FormattableString.Invariant($"rrf k={p.RrfRankConstant} w_lex={p.LexicalWeight}")
            : FormattableString.Invariant($"convex α={p.Alpha:0.##} {p.Normalizer.ToString().ToLowerInvariant()}");
        var boosts = string.Join(" ", p.FieldBoosts.Where(b => b.Value > 0).Select(b => FormattableString.Invariant($"{b.Key}={b.Value}")));
        var negation = !p.DropNegatedPhrases ? "negation ignored" : p.NegationDemotion < 1 ? FormattableString.Invariant($"negation dropped, demoted ×{p.NegationDemotion:0.##}") : "negation dropped";
        var floor = p.MinDenseSimilarity switch { null => "the model's floor", 0 => "no floor", { } f => FormattableString.Invariant($"floor {f:0.###}") };
        return FormattableString.Invariant($"{fusion}, depth {p.CandidateDepth}, boosts {boosts}, bm25 k1={p.Bm25K1} b={p.Bm25B}, {negation}, {floor}");
    }
}
