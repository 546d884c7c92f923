namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// Clicks over expected clicks (COEC), the click model behind judgments from clicks.
/// <para>
/// The arithmetic. Each search contributes impressions (product d seen at 1-based position p) and clicks (d chosen,
/// once per search at most). Each position p gets a weight w(p), the clicks one impression there is expected to
/// bring an average result — where position bias lives, as shoppers look at the first cards more than at the tenth.
/// For a query q and a product d with n impressions at positions p₁…pₙ and c clicks, the expected clicks are
/// <c>E = Σᵢ w(pᵢ)</c> and <c>COEC = c / E</c>: 1 means chosen as often as an average result shown in the same
/// places, 2 twice as often. The gain written is the smoothed <c>(c + m) / (E + m)</c>, a prior of m expected clicks
/// at COEC 1 that pulls pairs with little evidence towards average; the label follows from the gain by the
/// thresholds of <see cref="ClickModelOptions"/>. Raw click-through rate (c / n) would rank a product shown first
/// above a better one shown fifth; dividing by E puts them on one scale.
/// </para>
/// <para>
/// The weights. Classic COEC (<see cref="PositionCurve.ClickRate"/>) takes the position's click rate,
/// <c>w(p) = clicks at p / impressions at p</c>. That rate mixes how often p is looked at with how good the results
/// the engine puts at p are, so under a good ranker it expects too much of the first places and too little of the
/// lower ones, and over-corrects (measured in benchmarks/RESULTS.md, "Judgments from clicks"). The default
/// (<see cref="PositionCurve.Examination"/>) takes only the looking: γ(p) from the position-based model
/// (<see cref="PositionBasedModel"/>), scaled by one factor so the expected clicks of the whole log equal its clicks,
/// <c>w(p) = γ(p) · Σclicks / Σ over all impressions γ(pᵢ)</c>; given γ, every gain is still three numbers away.
/// </para>
/// <para>
/// Why COEC rather than a cascade or DBN model: the storefront lays results out as a grid, which shoppers do not read
/// strictly top-down and stop after one click, as cascade models assume; COEC needs no reading order, takes any number
/// of clicks per search, estimates the position curve from the log itself rather than assuming 1/rank, and every gain
/// can be checked by hand from its counts and the curve. It needs varied rankings (modes, filters, pages, profiles
/// over time) to learn the curve; one fixed ranking shows every product in one place only.
/// </para>
/// </summary>
internal static class CoecModel
{
    public static ClickJudgmentsResult Judge(IEnumerable<ClickLogCollector.Search> searches, ImpressionSource source, ClickLogReport report, ClickModelOptions options)
    {
        var rates = new Dictionary<int, (long Impressions, long Clicks)>();
        var pairs = new Dictionary<(string Key, string Product), Pair>();
        var queryText = new Dictionary<string, string>(StringComparer.Ordinal);
        long searchCount = 0, withoutImpressions = 0, impressions = 0, clicks = 0, clicksWithoutImpression = 0;

        foreach (var search in searches)
        {
            var seen = Seen(search, source, ref clicksWithoutImpression);
            if (seen.Count == 0)
            {
                withoutImpressions++;
                continue;
            }
            searchCount++;
            var text = ClickJudgments.NormalizeQuery(search.Text);
            var key = text.ToLowerInvariant();
            queryText.TryAdd(key, text);
            foreach (var (product, position) in seen)
            {
                var clicked = search.Chosen.ContainsKey(product);
                var (n, c) = rates.GetValueOrDefault(position);
                rates[position] = (n + 1, c + (clicked ? 1 : 0));
                if (!pairs.TryGetValue((key, product), out var pair)) pairs[(key, product)] = pair = new Pair();
                pair.Add(position, clicked);
                impressions++;
                if (clicked) clicks++;
            }
        }

        var (weightOf, examination) = Weights(pairs, rates, options.PositionCurve);
        var judgments = new List<ClickJudgment>();
        long belowMinimum = 0, clicksBelowMinimum = 0, withoutExpected = 0;
        foreach (var ((key, product), pair) in pairs)
        {
            if (pair.Impressions < options.MinImpressions)
            {
                belowMinimum++;
                clicksBelowMinimum += pair.Clicks;
                continue;
            }
            var expected = pair.Positions.Sum(p => p.Value * weightOf[p.Key]);
            var m = options.PriorStrength;
            if (expected + m <= 0)
            {
                withoutExpected++;
                continue;
            }
            var gain = (pair.Clicks + m) / (expected + m);
            judgments.Add(new ClickJudgment(ClickJudgments.QueryIdOf(key), queryText[key], product, pair.Impressions, pair.Clicks, expected, gain, options.LabelOf(gain)));
        }

        var sorted = judgments.OrderBy(j => j.Query.ToLowerInvariant(), StringComparer.Ordinal).ThenByDescending(j => j.Gain)
            .ThenBy(j => j.ProductId, StringComparer.Ordinal).ToArray();
        var judgedQueries = sorted.Select(j => j.QueryId).Distinct(StringComparer.Ordinal).Count();
        return new ClickJudgmentsResult(sorted, report with
        {
            Searches = searchCount,
            SearchesWithoutImpressions = withoutImpressions,
            Impressions = impressions,
            Clicks = clicks,
            ClicksWithoutImpression = clicksWithoutImpression,
            Pairs = pairs.Count,
            PairsBelowMinImpressions = belowMinimum,
            ClicksInPairsBelowMinImpressions = clicksBelowMinimum,
            PairsWithoutExpectedClicks = withoutExpected,
            JudgedQueries = judgedQueries,
            QueriesWithoutJudgments = queryText.Count - judgedQueries,
            PositionRates = rates.OrderBy(r => r.Key).Select(r => new PositionClickRate(r.Key, r.Value.Impressions, r.Value.Clicks,
                examination?.GetValueOrDefault(r.Key, double.NaN) ?? double.NaN, weightOf[r.Key])).ToArray(),
        });
    }

    /// <summary>w(p) for every position, and γ(p) when the curve is the examination's.</summary>
    private static (Dictionary<int, double> Weights, Dictionary<int, double>? Examination) Weights(
        Dictionary<(string Key, string Product), Pair> pairs, Dictionary<int, (long Impressions, long Clicks)> rates, PositionCurve curve)
    {
        if (curve == PositionCurve.ClickRate)
            return (rates.ToDictionary(r => r.Key, r => r.Value.Clicks / (double)r.Value.Impressions), null);
        var cells = new List<PositionBasedModel.Cell>();
        var index = 0;
        foreach (var pair in pairs.Values)
        {
            foreach (var (position, impressions) in pair.Positions)
                cells.Add(new PositionBasedModel.Cell(index, position, impressions, pair.ClicksAt.GetValueOrDefault(position)));
            index++;
        }
        var gamma = PositionBasedModel.Examination(cells, pairs.Count);
        var scale = rates.Values.Sum(r => r.Clicks) / rates.Sum(r => r.Value.Impressions * gamma[r.Key]);
        return (gamma.ToDictionary(g => g.Key, g => g.Value * scale), gamma);
    }

    /// <summary>The products a search's shopper saw, each once, with its position; a chosen product counts as seen where it was chosen.</summary>
    private static Dictionary<string, int> Seen(ClickLogCollector.Search search, ImpressionSource source, ref long clicksWithoutImpression)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (source == ImpressionSource.Hits)
        {
            for (var i = 0; i < search.Hits.Count; i++) seen.TryAdd(search.Hits[i], search.FirstPosition + i);
        }
        else
        {
            foreach (var (product, position) in search.Seen) seen[product] = position;
        }
        foreach (var (product, position) in search.Chosen)
        {
            if (seen.TryAdd(product, position)) clicksWithoutImpression++;
        }
        return seen;
    }

    /// <summary>One (query, product) pair's impressions by position and its clicks.</summary>
    private sealed class Pair
    {
        public Dictionary<int, int> Positions { get; } = [];
        public Dictionary<int, int> ClicksAt { get; } = [];
        public int Impressions { get; private set; }
        public int Clicks { get; private set; }

        public void Add(int position, bool clicked)
        {
            Positions[position] = Positions.GetValueOrDefault(position) + 1;
            Impressions++;
            if (!clicked) return;
            ClicksAt[position] = ClicksAt.GetValueOrDefault(position) + 1;
            Clicks++;
        }
    }
}
