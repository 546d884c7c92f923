using System.Diagnostics;
using System.Globalization;
using ProductSearch.Behavior;
using ProductSearch.Benchmarks.Common;
using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// <c>click-simulation</c>: simulated shoppers (<see cref="ShopperModel"/>) search the real engine for the 100 judged
/// ESCI queries and click by the true labels with position bias; their UBI log goes through
/// <c>judgments from-clicks</c>; the click judgments are compared with the true ones, and <c>tune</c> chosen on each
/// is scored with the truth. Prints the Markdown for RESULTS.md ("Judgments from clicks").
/// <code>
/// click-simulation [--index DIR] [--serve default|untuned|explore] [--sessions 300] [--eta 1] [--seed 42] [--noise 0.3] [--stop 0.5]
///                  [--modes hybrid=0.8,keyword=0.1,semantic=0.1] [--min-impressions 10] [--prior 1]
///                  [--position-curve examination|click-rate] [--folds 5] [--no-tune] [--sweep 30,100,1000] [--out DIR]
/// </code>
/// <c>--serve</c> is the profile the shop ranked with while the clicks were logged; clicks can only judge what it
/// showed, so tuning on them is fair only from the profile that served them (tuning from the untuned profile on
/// clicks the built-in default served partly rediscovers the default); <c>explore</c> serves each search a random
/// profile of tune's grid around the untuned one, so clicks judge what any of them would show.
/// The index (default <c>benchmarks/out/click-sim/index</c>) is built from the ESCI products with the default model
/// when missing.
/// </summary>
internal static class ClickSimulationHarness
{
    // Numbers print with the invariant culture: Program sets it for the whole harness.
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"# Judgments from clicks — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}, load average {LoadAverage.OneMinute():F2}");
        Console.WriteLine($"command: dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- click-simulation {string.Join(' ', args)}");
        var truth = JudgmentsReader.Read(Path.Combine(BenchmarkPaths.EsciDirectory, "examples.tsv")).Queries;
        await EnsureIndexAsync(options.Index);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = options.Index, Device = ComputeDevice.Cpu });
        // The shop's rankers while the clicks were logged: what clicks can judge is what they showed. Exploring serves
        // each search one profile of tune's grid around the untuned one, at random.
        IReadOnlyList<RankingProfile?> served = options.Serve switch
        {
            "untuned" => [References[1].Profile],
            "explore" => (IReadOnlyList<RankingProfile?>)ProfileTuner.DefaultGrid(References[1].Profile),
            _ => [null],
        };
        var model = options.Model with { ServingVariants = served.Count };
        ShopperSimulator.Ranker ranker = async (query, mode, variant, count, ct) =>
            (await engine.SearchAsync(new SearchRequest { Query = query, Mode = mode, K = count, Ranking = served[variant] }, ct)).Hits.Select(h => h.Product.Id).ToArray();
        Console.WriteLine($"index {options.Index}: {engine.Manifest.ProductCount:N0} products, model {engine.Manifest.Model.Name}; {truth.Count} judged queries; shoppers served by " +
            (options.Serve switch { "untuned" => $"the {References[1].Name} profile", "explore" => $"one of the {served.Count} profiles of tune's grid around the untuned one, at random", _ => "the built-in default" }));
        Console.WriteLine();

        var run = await SimulateAsync(options, model, truth, ranker, keepLog: true);
        Print(options with { Model = model }, run);

        if (options.Sweep.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| searches per query | clicks | pairs judged | label agreement | τ-b gain / CTR | nDCG@10 by gain / CTR / shown position |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var sessions in options.Sweep)
            {
                var swept = await SimulateAsync(options, model with { SessionsPerQuery = sessions }, truth, ranker, keepLog: false);
                var a = swept.Agreement;
                Console.WriteLine(
                    $"| {sessions} | {swept.Outcome.Clicks:N0} | {a.Pairs:N0} | {a.LabelAgreement:P1} | {a.KendallGain:F3} / {a.KendallCtr:F3} | {a.NdcgByGain:F4} / {a.NdcgByCtr:F4} / {a.NdcgByPosition:F4} |");
            }
        }

        if (options.Tune)
        {
            Console.WriteLine();
            var clicks = JudgmentsReader.Read(run.JudgmentsPath).Queries; // as `tune --examples` reads the file
            Console.WriteLine("| nDCG@10 on the true judgments, 100 queries | reference profile | tune on true judgments | tune on click judgments | clicks recover |");
            Console.WriteLine("|---|---|---|---|---|");
            var notes = new List<string>();
            foreach (var (name, reference) in References)
            {
                var comparison = new ProfileComparison(engine, reference);
                var clock = Stopwatch.StartNew();
                var inSample = await comparison.InSampleAsync(truth, clicks, CancellationToken.None);
                var heldOut = await comparison.HeldOutAsync(truth, clicks, options.Folds, options.Model.Seed, CancellationToken.None);
                notes.Add(PrintTuning(name, inSample, heldOut, options.Folds, clock.Elapsed));
            }
            foreach (var note in notes) Console.WriteLine(note);

            Console.WriteLine();
            var rankers = new RankerComparison(engine).HeldOut(truth, clicks, options.Folds, options.Model.Seed, CancellationToken.None);
            string P(double[] x, double[] y) => PairedRandomizationTest.PValue(x.Zip(y, (a, b) => a - b).ToArray(), 10_000, 42).ToString("F3", CultureInfo.InvariantCulture);
            Console.WriteLine($"| learned second stage, held out ({options.Folds}-fold) | fused (no ranker) | trained on true judgments | trained on click judgments | on clicks, judged candidates only |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine($"| nDCG@10 on the true judgments | {rankers.Fused:F4} | {rankers.Truth:F4} | {rankers.Clicks:F4} | {rankers.ClicksJudgedOnly:F4} |");
            Console.WriteLine($"Paired sign-flip tests: truth − fused p = {P(rankers.PerQueryTruth, rankers.PerQueryFused)}, clicks − fused p = {P(rankers.PerQueryClicks, rankers.PerQueryFused)}, " +
                $"judged-only − fused p = {P(rankers.PerQueryClicksJudgedOnly, rankers.PerQueryFused)}, clicks − truth p = {P(rankers.PerQueryClicks, rankers.PerQueryTruth)}.");
        }
        Console.WriteLine();
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0} s, load average at the end {LoadAverage.OneMinute():F2}");
        return 0;
    }

    private sealed record Run(ShopperSimulator.Outcome Outcome, ClickJudgmentsResult Result, JudgmentAgreement Agreement, string JudgmentsPath, TimeSpan Elapsed);

    private static async Task<Run> SimulateAsync(Options options, ShopperModel model, IReadOnlyList<QueryJudgments> truth, ShopperSimulator.Ranker ranker, bool keepLog)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(options.Out, keepLog ? "ubi" : $"ubi-{model.SessionsPerQuery}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        ShopperSimulator.Outcome outcome;
        await using (var log = new BehaviorLogWriter(new BehaviorLogOptions { Folder = folder, QueueCapacity = 100_000 }))
        {
            outcome = await new ShopperSimulator(model).RunAsync(truth, ranker, log);
            if (log.Statistics.Dropped > 0) throw new InvalidOperationException($"The log dropped records: {log.Statistics}.");
        }
        var result = await ClickJudgments.FromLogsAsync([folder], options.ClickModel);
        var path = Path.Combine(options.Out, keepLog ? "click-judgments.tsv" : $"click-judgments-{model.SessionsPerQuery}.tsv");
        await ClickJudgmentsWriter.WriteAsync(path, result.Judgments);
        if (!keepLog) Directory.Delete(folder, recursive: true);
        return new Run(outcome, result, JudgmentAgreement.Measure(result.Judgments, truth, outcome.MeanPositions), path, clock.Elapsed);
    }

    private static void Print(Options options, Run run)
    {
        var (o, r, a) = (run.Outcome, run.Result.Report, run.Agreement);
        var m = options.Model;
        Console.WriteLine(
            $"Shoppers: {m.SessionsPerQuery} searches per query, seed {m.Seed}, top {m.PageSize} shown, looked at with probability 1/rank^{m.Eta}, " +
            $"clicked with E {m.Attractiveness[EsciLabel.Exact]} / S {m.Attractiveness[EsciLabel.Substitute]} / C {m.Attractiveness[EsciLabel.Complement]} / I {m.Attractiveness[EsciLabel.Irrelevant]} " +
            $"× a per-pair log-normal factor (σ {m.AttractivenessNoise}), stop after a click with probability {m.StopAfterClick}; modes " +
            string.Join(", ", o.SessionsByMode.OrderByDescending(x => x.Value).Select(x => $"{x.Key.ToString().ToLowerInvariant()} {x.Value:N0}")) + ".");
        Console.WriteLine(
            $"Log: {o.Sessions:N0} searches, {o.Impressions:N0} impressions, {o.Clicks:N0} clicks; from-clicks (min impressions {options.ClickModel.MinImpressions}, prior {options.ClickModel.PriorStrength}) " +
            $"position curve {options.ClickModel.PositionCurve.ToString().ToLowerInvariant()}, judged {run.Result.Judgments.Count:N0} pairs over {r.JudgedQueries} queries, left out {r.PairsBelowMinImpressions:N0} pairs with too few impressions; {run.Elapsed.TotalSeconds:F0} s.");
        Console.WriteLine("Click rate by position: " + string.Join("  ", r.PositionRates.Take(10).Select(p => $"{p.Position}: {p.Rate:F3}")));
        Console.WriteLine("Looked at (position-based model, top = 1; simulated 1/rank^η): " + string.Join("  ", r.PositionRates.Take(10).Select(p => $"{p.Position}: {p.Examination:F3}")));
        Console.WriteLine();
        Console.WriteLine("| agreement with the true ESCI labels (pairs judged from clicks) | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| pairs judged / of them judged in the truth (others count as I) | {a.Pairs:N0} / {a.PairsInTruth:N0} |");
        Console.WriteLine($"| same label | {a.LabelAgreement:P1} |");
        Console.WriteLine($"| Kendall τ-b with the true gain within a query, mean: click gain (COEC) / raw CTR | {a.KendallGain:F3} / {a.KendallCtr:F3} |");
        Console.WriteLine($"| nDCG@10 (true gains) of the judged products ordered by click gain / raw CTR / mean shown position | {a.NdcgByGain:F4} / {a.NdcgByCtr:F4} / {a.NdcgByPosition:F4} |");
        Console.WriteLine();
        Console.WriteLine("| true \\ from clicks | I | C | S | E |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var label in new[] { EsciLabel.Exact, EsciLabel.Substitute, EsciLabel.Complement, EsciLabel.Irrelevant })
            Console.WriteLine($"| {ClickJudgmentsWriter.LabelLetter(label)} | " + string.Join(" | ", Enumerable.Range(0, 4).Select(c => a.Confusion[(int)label, c].ToString("N0", CultureInfo.InvariantCulture))) + " |");
    }

    /// <summary>
    /// The references tuning starts from: the built-in default (what <c>tune</c> does out of the box; it was itself
    /// chosen on these queries, so little is left to gain) and an untuned one — RRF k 60 1 : 1, brand ×2, no negation
    /// rule — whose every setting the grid can undo, so there is a gain to recover.
    /// </summary>
    private static readonly (string Name, RankingProfile Profile)[] References =
    [
        ("built-in default", RankingProfile.Default),
        ("untuned (RRF 1:1, brand ×2, no negation rule)", RankingProfile.Default with
        {
            Method = FusionMethod.Rrf, RrfRankConstant = 60, LexicalWeight = 1, DenseWeight = 1,
            FieldBoosts = new Dictionary<string, float>(RankingProfile.Default.FieldBoosts) { [LexicalFields.Brand] = 2f },
            DropNegatedPhrases = false, NegationDemotion = 1.0,
        }),
    ];

    private static string PrintTuning(string reference, ProfileComparison.Scores inSample, ProfileComparison.Scores heldOut, int folds, TimeSpan elapsed)
    {
        string P(double[] x, double[] y) => PairedRandomizationTest.PValue(x.Zip(y, (a, b) => a - b).ToArray(), 10_000, 42).ToString("F3", CultureInfo.InvariantCulture);
        // With no gain from the truth there is nothing to recover: say so rather than print a ratio of noise.
        static string Recovered(ProfileComparison.Scores s) => Math.Abs(s.Truth - s.Default) < 0.001 ? "— (no gain to recover)" : $"{s.Recovered:P0}";
        Console.WriteLine($"| from the {reference}: in-sample (tuned and scored on the same queries) | {inSample.Default:F4} | {inSample.Truth:F4} | {inSample.Clicks:F4} | {Recovered(inSample)} |");
        Console.WriteLine($"| from the {reference}: held out ({folds}-fold, tuned on the other folds) | {heldOut.Default:F4} | {heldOut.Truth:F4} | {heldOut.Clicks:F4} | {Recovered(heldOut)} |");
        return $"From the {reference}, held out, paired sign-flip tests: clicks − reference p = {P(heldOut.PerQueryClicks, heldOut.PerQueryDefault)}, " +
            $"truth − reference p = {P(heldOut.PerQueryTruth, heldOut.PerQueryDefault)}, clicks − truth p = {P(heldOut.PerQueryClicks, heldOut.PerQueryTruth)}; tuning took {elapsed.TotalSeconds:F0} s.";
    }

    private static async Task EnsureIndexAsync(string index)
    {
        if (File.Exists(Path.Combine(index, "manifest.json"))) return;
        Console.WriteLine($"building {index} from the ESCI products with {BuiltInModels.DefaultName} …");
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = BuiltInModels.DefaultName, Device = ComputeDevice.Cpu });
        await new IndexBuilder(embedder, BuiltInModels.DefaultName).BuildAsync(Path.Combine(BenchmarkPaths.EsciDirectory, "products.jsonl"), index);
    }

    private sealed record Options(string Index, string Out, ShopperModel Model, ClickModelOptions ClickModel, int Folds, bool Tune, IReadOnlyList<int> Sweep, string Serve)
    {
        public static Options Parse(string[] args)
        {
            var root = Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "click-sim");
            var (index, output) = (Path.Combine(root, "index"), root);
            var (model, clicks, folds, tune, sweep, serve) = (new ShopperModel(), new ClickModelOptions(), 5, true, (IReadOnlyList<int>)[], "default");
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
                double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--index": index = Path.GetFullPath(Next()); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    case "--sessions": model = model with { SessionsPerQuery = Int() }; break;
                    case "--eta": model = model with { Eta = Number() }; break;
                    case "--seed": model = model with { Seed = Int() }; break;
                    case "--noise": model = model with { AttractivenessNoise = Number() }; break;
                    case "--stop": model = model with { StopAfterClick = Number() }; break;
                    case "--modes": model = model with { Modes = ShopperModel.ParseModes(Next()) }; break;
                    case "--min-impressions": clicks = clicks with { MinImpressions = Int() }; break;
                    case "--prior": clicks = clicks with { PriorStrength = Number() }; break;
                    case "--position-curve": clicks = clicks with { PositionCurve = Next() == "click-rate" ? PositionCurve.ClickRate : PositionCurve.Examination }; break;
                    case "--folds": folds = Int(); break;
                    case "--no-tune": tune = false; break;
                    case "--serve":
                        serve = Next() is "default" or "untuned" or "explore" ? args[i] : throw new ArgumentException($"--serve takes default, untuned or explore, got '{args[i]}'.");
                        break;
                    case "--sweep": sweep = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}' for click-simulation.");
                }
            }
            Directory.CreateDirectory(output);
            return new Options(index, output, model, clicks, folds, tune, sweep, serve);
        }
    }
}
