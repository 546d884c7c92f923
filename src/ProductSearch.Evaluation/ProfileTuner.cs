using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>
/// Chooses an index's ranking profile on judged queries, honestly: every profile of a small grid (field boosts, BM25 b,
/// the negation rule, fusion, candidate depth) is scored on every query, then <see cref="NestedCrossValidation"/> picks
/// the simplest profile within one standard error of the best — the built-in default unless something beats it beyond
/// noise — and estimates, with the choice made inside outer folds, what queries it was not made on will get. Candidate
/// lists are retrieved once per query and lexical or dense variant; every fusion is replayed on them.
/// </summary>
public sealed class ProfileTuner
{
    private readonly SearchEngine _engine;

    /// <summary>Creates a tuner over an open engine.</summary>
    public ProfileTuner(SearchEngine engine) => _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>The cross-validation (folds, repeats, seed).</summary>
    public NestedCrossValidation CrossValidation { get; init; } = new();

    /// <summary>The profiles tried; the first is the reference (complexity 0), normally <see cref="RankingProfile.Default"/>.</summary>
    public IReadOnlyList<RankingProfile> Candidates { get; init; } = DefaultGrid(RankingProfile.Default);

    /// <summary>Draws of the paired sign-flip test against the reference profile.</summary>
    public int TestDraws { get; init; } = 10_000;

    /// <summary>The outcome.</summary>
    /// <param name="Chosen">The profile the rule picks on all queries (the one to ship).</param>
    /// <param name="CrossValidatedNdcg">Nested cross-validated nDCG@10: the estimate for unseen queries.</param>
    /// <param name="Interval">95 % bootstrap interval of <paramref name="CrossValidatedNdcg"/> over queries.</param>
    /// <param name="FoldMeans">Held-out nDCG@10 of each outer fold of each repeat.</param>
    /// <param name="VersusReference">Mean per-query difference of the held-out choices against the reference profile, and its two-sided p-value.</param>
    /// <param name="ReferenceNdcg">The reference profile on all queries (in-sample when it was itself chosen on them).</param>
    /// <param name="ChosenInSample">The chosen profile on all queries (optimistic: chosen on them).</param>
    /// <param name="BestInSample">The grid's best on all queries (more optimistic still).</param>
    /// <param name="Bm25Ndcg">BM25 alone with the reference's lexical settings.</param>
    /// <param name="DenseNdcg">Dense alone with the reference's query text.</param>
    /// <param name="FoldChoices">Profiles chosen in outer folds, with how often.</param>
    /// <param name="Queries">Queries used.</param>
    public sealed record Result(RankingProfile Chosen, double CrossValidatedNdcg, (double Low, double High)? Interval, IReadOnlyList<double> FoldMeans,
        (double Difference, double PValue) VersusReference, double ReferenceNdcg, double ChosenInSample, double BestInSample, double Bm25Ndcg, double DenseNdcg,
        IReadOnlyList<(RankingProfile Profile, int Times)> FoldChoices, int Queries)
    {
        /// <summary>Whether the rule kept the reference profile (nothing beat it beyond noise).</summary>
        public bool KeptReference { get; init; }

        /// <summary>How many profiles were scored.</summary>
        public int ProfilesTried { get; init; }

        /// <summary>Hybrid search under the held-out choices: what unseen queries should get on every figure.</summary>
        public RetrievalFigures? CrossValidatedHybrid { get; init; }

        /// <summary>BM25 alone, its settings (the grid's lexical variants) chosen by the same nested cross-validation.</summary>
        public RetrievalFigures? CrossValidatedBm25 { get; init; }

        /// <summary>Dense alone, its query text (negated phrases dropped or kept) chosen by the same nested cross-validation.</summary>
        public RetrievalFigures? CrossValidatedDense { get; init; }

        /// <summary>Held-out hybrid against held-out dense, paired over queries: mean nDCG@10 difference and two-sided p-value.</summary>
        public (double Difference, double PValue) HybridVersusDense { get; init; }
    }

    /// <summary>Scores the grid on <paramref name="queries"/> and runs the nested cross-validation.</summary>
    /// <exception cref="ArgumentException">Fewer judged queries than the cross-validation needs; the message gives the count.</exception>
    public Result Tune(IReadOnlyList<QueryJudgments> queries, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var needed = Math.Max(NestedCrossValidation.MinimumQueries, CrossValidation.OuterFolds * 2);
        if (queries.Count < needed) throw new ArgumentException($"Tuning needs at least {needed} judged queries; got {queries.Count}.", nameof(queries));

        var lists = new CandidateCache(_engine, queries, Candidates.Max(p => p.CandidateDepth), cancellationToken);
        var figures = new double[Candidates.Count][][];
        var done = 0;
        Parallel.For(0, Candidates.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 2 }, c =>
        {
            figures[c] = queries.Select((q, i) => lists.Hybrid(Candidates[c], i)).ToArray();
            progress?.Report(Interlocked.Increment(ref done) / (double)Candidates.Count);
        });
        var scores = figures.Select(f => f.Select(q => q[RetrievalFigures.Ndcg]).ToArray()).ToArray();

        var reference = Candidates[0];
        var complexity = Candidates.Select(p => Complexity(p, reference)).ToArray();
        var cv = CrossValidation.Run(scores, complexity);
        var (hybrid, hybridNdcg) = HeldOutFigures(cv, figures);
        var (bm25, _) = SingleRetriever(Candidates.DistinctBy(CandidateCache.LexicalVariant).ToArray(), queries.Count, lists.Bm25);
        var (dense, denseNdcg) = SingleRetriever(Candidates.DistinctBy(CandidateCache.DenseVariant).ToArray(), queries.Count, lists.Dense);
        var overDense = hybridNdcg.Select((h, q) => h - denseNdcg[q]).ToArray();
        var differences = cv.HeldOut.Select((h, q) => h - scores[0][q]).ToArray();
        var best = scores.Select(s => s.Average()).Max();
        return new Result(Candidates[cv.Chosen], cv.Estimate, BootstrapInterval.OfMean(cv.HeldOut, 10_000, CrossValidation.Seed), cv.FoldMeans,
            (differences.Average(), PairedRandomizationTest.PValue(differences, TestDraws, CrossValidation.Seed)),
            scores[0].Average(), scores[cv.Chosen].Average(), best,
            queries.Select((q, i) => lists.Bm25Ndcg(reference, i)).Average(), queries.Select((q, i) => lists.DenseNdcg(reference, i)).Average(),
            cv.FoldChoices.OrderByDescending(c => c.Value).Select(c => (Candidates[c.Key], c.Value)).ToArray(), queries.Count)
        {
            KeptReference = cv.Chosen == 0,
            ProfilesTried = Candidates.Count,
            CrossValidatedHybrid = hybrid,
            CrossValidatedBm25 = bm25,
            CrossValidatedDense = dense,
            HybridVersusDense = (overDense.Average(), PairedRandomizationTest.PValue(overDense, TestDraws, CrossValidation.Seed)),
        };
    }

    /// <summary>One retriever alone: its variants among the grid (the reference's first) chosen by nested cross-validation on nDCG@10.</summary>
    private (RetrievalFigures Figures, double[] HeldOutNdcg) SingleRetriever(RankingProfile[] variants, int queries, Func<RankingProfile, int, double[]> figuresOf)
    {
        var figures = variants.Select(v => Enumerable.Range(0, queries).Select(q => figuresOf(v, q)).ToArray()).ToArray();
        var scores = figures.Select(f => f.Select(q => q[RetrievalFigures.Ndcg]).ToArray()).ToArray();
        var cv = CrossValidation.Run(scores, variants.Select(v => Complexity(v, variants[0])).ToArray());
        return HeldOutFigures(cv, figures);
    }

    /// <summary>Every figure read through the held-out choices, and the held-out nDCG@10 per query (for paired tests).</summary>
    private (RetrievalFigures Figures, double[] HeldOutNdcg) HeldOutFigures(NestedCrossValidation.Result cv, double[][][] figures)
    {
        var perFigure = Enumerable.Range(0, RetrievalFigures.Count)
            .Select(f => cv.HeldOutOf(figures.Select(candidate => candidate.Select(q => q[f]).ToArray()).ToArray()))
            .ToArray();
        return (RetrievalFigures.Of(perFigure, CrossValidation.Seed), perFigure[RetrievalFigures.Ndcg]);
    }

    /// <summary>How many of the grid's settings <paramref name="profile"/> changes from <paramref name="reference"/>.</summary>
    public static int Complexity(RankingProfile profile, RankingProfile reference)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reference);
        var fusion = profile.Method != reference.Method || profile.Alpha != reference.Alpha || profile.Normalizer != reference.Normalizer
            || (profile.Method == FusionMethod.Rrf && (profile.LexicalWeight != reference.LexicalWeight || profile.RrfRankConstant != reference.RrfRankConstant));
        return (fusion ? 1 : 0) + (profile.CandidateDepth != reference.CandidateDepth ? 1 : 0) + (profile.Bm25B != reference.Bm25B ? 1 : 0)
            + (!profile.FieldBoosts.OrderBy(b => b.Key).SequenceEqual(reference.FieldBoosts.OrderBy(b => b.Key)) ? 1 : 0)
            + (profile.DropNegatedPhrases != reference.DropNegatedPhrases ? 1 : 0) + (profile.NegationDemotion != reference.NegationDemotion ? 1 : 0)
            + (profile.MinDenseSimilarity != reference.MinDenseSimilarity ? 1 : 0);
    }

    /// <summary>
    /// The grid around <paramref name="reference"/>: brand boost 1 or 2, BM25 b 0.4 or 0.75, the negation rule (drop and
    /// demote ×0.6 or ×0.8, drop only, neither), fusion (convex α 0.4/0.5/0.6 min-max; RRF k 60 with lexical weight
    /// 1/1.5/2), depth 50 or 100, the dense relevance floor (the model's, or none) — 384 profiles. Kept small on purpose: with ~100 judged queries every extra dimension
    /// buys more fit to them than gain on new ones.
    /// </summary>
    public static IReadOnlyList<RankingProfile> DefaultGrid(RankingProfile reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var grid = new List<RankingProfile> { reference };
        foreach (var brand in new[] { 1f, 2f })
            foreach (var b in new[] { 0.4f, 0.75f })
                foreach (var (drop, demotion) in new[] { (true, 0.6), (true, 0.8), (true, 1.0), (false, 1.0) })
                    foreach (var fusion in Fusions(reference))
                        foreach (var depth in new[] { 50, 100 })
                            foreach (var floor in new[] { reference.MinDenseSimilarity, reference.MinDenseSimilarity is 0 ? null : 0 })
                            {
                                var boosts = new Dictionary<string, float>(reference.FieldBoosts) { [LexicalFields.Brand] = brand };
                                var profile = fusion with
                                {
                                    FieldBoosts = boosts, Bm25B = b, DropNegatedPhrases = drop, NegationDemotion = demotion, CandidateDepth = depth, MinDenseSimilarity = floor,
                                };
                                if (Complexity(profile, reference) > 0) grid.Add(profile);
                            }
        return grid;
    }

    private static IEnumerable<RankingProfile> Fusions(RankingProfile reference)
    {
        foreach (var alpha in new[] { 0.4, 0.5, 0.6 })
            yield return reference with { Method = FusionMethod.Convex, Alpha = alpha, Normalizer = ScoreNormalizer.MinMax };
        foreach (var weight in new[] { 1.0, 1.5, 2.0 })
            yield return reference with { Method = FusionMethod.Rrf, RrfRankConstant = 60, LexicalWeight = weight, DenseWeight = 1 };
    }

    /// <summary>
    /// Every query's candidate lists for each lexical and dense variant the grid needs, retrieved once to the deepest
    /// depth; profiles then cut, fuse and score them without touching the engine again.
    /// </summary>
    private sealed class CandidateCache
    {
        private readonly SearchEngine _engine;
        private readonly IReadOnlyList<QueryJudgments> _queries;
        private readonly int _depth;
        private readonly CancellationToken _cancellationToken;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Variant, int Query), CandidateLists> _lists = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _ids = new();

        public CandidateCache(SearchEngine engine, IReadOnlyList<QueryJudgments> queries, int depth, CancellationToken cancellationToken)
        {
            (_engine, _queries, _depth, _cancellationToken) = (engine, queries, depth, cancellationToken);
        }

        public double[] Hybrid(RankingProfile profile, int query)
        {
            var lexical = Lists(profile, SearchMode.Bm25, query);
            var dense = Lists(profile, SearchMode.Dense, query);
            var candidates = new CandidateLists(Cut(lexical.Lexical, profile.CandidateDepth), Cut(dense.Dense, profile.CandidateDepth))
            {
                AffirmNegated = lexical.AffirmNegated.Union(dense.AffirmNegated).ToHashSet(),
                ModelFloor = dense.ModelFloor,
            };
            // The whole ranking, not its first 10: judgments that leave products unjudged (from clicks) skip those.
            return Score(profile.Rank(candidates).Select(c => c.Key), query);
        }

        public double[] Bm25(RankingProfile profile, int query) => Score(Lists(profile, SearchMode.Bm25, query).Lexical.Select(c => c.Key), query);

        public double[] Dense(RankingProfile profile, int query) => Score(Lists(profile, SearchMode.Dense, query).Dense.Select(c => c.Key), query);

        public double Bm25Ndcg(RankingProfile profile, int query) => Bm25(profile, query)[RetrievalFigures.Ndcg];

        public double DenseNdcg(RankingProfile profile, int query) => Dense(profile, query)[RetrievalFigures.Ndcg];

        private double[] Score(IEnumerable<long> keys, int query)
        {
            var ranked = keys.ToArray();
            var missing = ranked.Where(k => !_ids.ContainsKey(k)).ToArray();
            if (missing.Length > 0)
                foreach (var (key, id) in _engine.GetProductIds(missing)) _ids[key] = id;
            return RetrievalFigures.OfQuery(ranked.Select(k => _ids.GetValueOrDefault(k, "")).ToArray(), _queries[query]);
        }

        /// <summary>What BM25 candidates depend on in a profile: the negation rule and the lexical settings.</summary>
        public static string LexicalVariant(RankingProfile profile) =>
            $"bm25|{profile.DropNegatedPhrases}|{profile.Bm25K1}|{profile.Bm25B}|{profile.ProximityBoost}|{profile.ProximitySlop}|" +
            string.Join(",", profile.FieldBoosts.OrderBy(b => b.Key).Select(b => $"{b.Key}={b.Value}"));

        /// <summary>What dense candidates depend on in a profile: only the query text, whether negated phrases are dropped from it.</summary>
        public static string DenseVariant(RankingProfile profile) => $"dense|{profile.DropNegatedPhrases}";

        private CandidateLists Lists(RankingProfile profile, SearchMode mode, int query)
        {
            // What a retriever returns depends only on these settings of the profile (the dense side only on the query text).
            var variant = mode == SearchMode.Dense ? DenseVariant(profile) : LexicalVariant(profile);
            return _lists.GetOrAdd((variant, query), _ => _engine.Retrieve(new SearchRequest
            {
                Query = _queries[query].Query,
                Mode = mode,
                K = 1,
                Ranking = profile with { CandidateDepth = _depth },
            }, _cancellationToken));
        }

        private static IReadOnlyList<(long Key, float Score)> Cut(IReadOnlyList<(long Key, float Score)> list, int depth) =>
            list.Count <= depth ? list : list.Take(depth).ToArray();
    }
}
