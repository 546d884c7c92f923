namespace ProductSearch.Evaluation;

/// <summary>
/// Chooses among fixed candidates (ranking profiles, or anything scored per query) and estimates how the choice does on
/// queries it was not made on. Selection — the <see cref="Select"/> rule — runs inside the training part of each outer
/// fold: inner folds give every candidate a mean and a standard error, and the simplest candidate within one standard
/// error of the best is taken (Breiman's one-standard-error rule), so a candidate that wins by less than its noise does
/// not displace a simpler one — the built-in default, listed with complexity 0, stays unless something beats it beyond
/// noise. The chosen candidate is then scored on the outer fold's held-out queries; over all outer folds every query is
/// scored exactly once by a choice made without it. Fold assignments are repeated with other seeds and averaged.
/// </summary>
/// <remarks>
/// With about 100 judged queries, a grid's in-sample best is optimistic by 0.01–0.02 nDCG@10 and the ranking of
/// profiles barely carries over to new queries; only the held-out figure says what unseen queries will get.
/// </remarks>
public sealed class NestedCrossValidation
{
    /// <summary>Fewest queries that can be split into folds meaningfully.</summary>
    public const int MinimumQueries = 20;

    /// <summary>Outer folds (estimate).</summary>
    public int OuterFolds { get; init; } = 5;

    /// <summary>Inner folds (choose).</summary>
    public int InnerFolds { get; init; } = 5;

    /// <summary>Fold assignments averaged.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Seed of the first fold assignment.</summary>
    public int Seed { get; init; } = 20231;

    /// <summary>The outcome.</summary>
    /// <param name="Chosen">The candidate the rule picks on all queries (the one to ship).</param>
    /// <param name="HeldOut">Per query: the mean, over repeats, of its score under the choice made without it.</param>
    /// <param name="Estimate">Mean of <paramref name="HeldOut"/>: the estimate for unseen queries.</param>
    /// <param name="FoldMeans">Held-out mean of every outer fold of every repeat (the spread of the estimate).</param>
    /// <param name="FoldChoices">How often each candidate was chosen across the outer folds of all repeats.</param>
    public sealed record Result(int Chosen, double[] HeldOut, double Estimate, double[] FoldMeans, IReadOnlyDictionary<int, int> FoldChoices)
    {
        /// <summary>
        /// Per repeat, per query: the candidate chosen without that query (by its outer fold's training queries). Any
        /// other per-query figure of the candidates (recall, MRR) is held out when read through these choices.
        /// </summary>
        public IReadOnlyList<int[]> HeldOutChoices { get; init; } = [];

        /// <summary>
        /// Per query, the mean over repeats of <paramref name="figures"/>[candidate][query] under the choice made
        /// without that query; <see cref="double.NaN"/> where a figure is undefined for the query (recall without relevant products).
        /// </summary>
        public double[] HeldOutOf(IReadOnlyList<double[]> figures)
        {
            ArgumentNullException.ThrowIfNull(figures);
            var queries = HeldOut.Length;
            var result = new double[queries];
            for (var q = 0; q < queries; q++) result[q] = HeldOutChoices.Average(choices => figures[choices[q]][q]);
            return result;
        }
    }

    /// <summary>
    /// Runs nested cross-validation over <paramref name="scores"/>[candidate][query] (higher is better), where
    /// <paramref name="complexity"/>[candidate] orders candidates from simplest (0: the default) up.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumQueries"/> queries, or the shapes disagree.</exception>
    public Result Run(IReadOnlyList<double[]> scores, IReadOnlyList<int> complexity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(complexity);
        if (scores.Count == 0 || scores.Count != complexity.Count) throw new ArgumentException("Give one complexity per candidate, and at least one candidate.", nameof(complexity));
        var queries = scores[0].Length;
        if (scores.Any(s => s.Length != queries)) throw new ArgumentException("Every candidate needs a score for every query.", nameof(scores));
        if (queries < Math.Max(MinimumQueries, OuterFolds * 2))
            throw new ArgumentException($"Cross-validation needs at least {Math.Max(MinimumQueries, OuterFolds * 2)} judged queries; got {queries}.", nameof(scores));
        if (OuterFolds < 2 || InnerFolds < 2) throw new ArgumentException("Folds must be at least 2.");

        var heldOut = new double[queries];
        var foldMeans = new List<double>();
        var choices = new Dictionary<int, int>();
        var heldOutChoices = new List<int[]>();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var fold = Folds(queries, OuterFolds, Seed + repeat);
            var chosenFor = new int[queries];
            heldOutChoices.Add(chosenFor);
            for (var f = 0; f < OuterFolds; f++)
            {
                var train = Enumerable.Range(0, queries).Where(q => fold[q] != f).ToArray();
                var test = Enumerable.Range(0, queries).Where(q => fold[q] == f).ToArray();
                var chosen = Select(scores, complexity, train, InnerFolds, Seed + 7919 * (repeat + 1) + f);
                choices[chosen] = choices.GetValueOrDefault(chosen) + 1;
                foreach (var q in test)
                {
                    heldOut[q] += scores[chosen][q] / Repeats;
                    chosenFor[q] = chosen;
                }
                foldMeans.Add(test.Average(q => scores[chosen][q]));
            }
        }
        var all = Enumerable.Range(0, queries).ToArray();
        return new Result(Select(scores, complexity, all, InnerFolds, Seed), heldOut, heldOut.Average(), foldMeans.ToArray(), choices)
        {
            HeldOutChoices = heldOutChoices,
        };
    }

    /// <summary>
    /// The one-standard-error rule on the queries <paramref name="among"/>: each candidate's mean over
    /// <paramref name="folds"/> folds of them and the best candidate's standard error across those folds; of the
    /// candidates whose mean is within one standard error of the best, the simplest (then the better) one.
    /// </summary>
    public static int Select(IReadOnlyList<double[]> scores, IReadOnlyList<int> complexity, IReadOnlyList<int> among, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(among);
        var fold = Folds(among.Count, folds, seed);
        var means = new double[scores.Count];
        var errors = new double[scores.Count];
        for (var c = 0; c < scores.Count; c++)
        {
            var foldMeans = Enumerable.Range(0, folds).Select(f => Enumerable.Range(0, among.Count).Where(i => fold[i] == f).Select(i => scores[c][among[i]]).DefaultIfEmpty(0).Average()).ToArray();
            means[c] = foldMeans.Average();
            errors[c] = StandardDeviation(foldMeans) / Math.Sqrt(folds);
        }
        var best = Enumerable.Range(0, scores.Count).OrderByDescending(c => means[c]).ThenBy(c => complexity[c]).ThenBy(c => c).First();
        return Enumerable.Range(0, scores.Count)
            .Where(c => means[c] >= means[best] - errors[best])
            .OrderBy(c => complexity[c]).ThenByDescending(c => means[c]).ThenBy(c => c)
            .First();
    }

    /// <summary>A balanced random fold number for each of <paramref name="count"/> items.</summary>
    internal static int[] Folds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        return fold;
    }

    /// <summary>The sample standard deviation (n − 1) of <paramref name="values"/>; 0 for fewer than two.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
