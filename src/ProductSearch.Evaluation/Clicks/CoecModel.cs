namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// Clicks over expected clicks (COEC), the click model behind judgments from clicks.
/// <para>
/// The arithmetic. Each search contributes impressions (product d seen at 1-based position p) and clicks (d chosen,
/// once per search at most). Over the whole log, the click rate of a position is
/// <c>r(p) = clicks at p / impressions at p</c>: what one impression at p is worth in clicks for an average result,
/// which is where position bias lives — shoppers look at the first cards more than at the tenth. For a query q and a
/// product d with n impressions at positions p₁…pₙ and c clicks, the expected clicks are <c>E = Σᵢ r(pᵢ)</c> and
/// <c>COEC = c / E</c>: 1 means chosen as often as an average result shown in the same places, 2 twice as often.
/// The gain written is the smoothed <c>(c + m) / (E + m)</c>, a prior of m expected clicks at COEC 1 that pulls pairs
/// with little evidence towards average; the label follows from the gain by the thresholds of
/// <see cref="ClickModelOptions"/>. Raw click-through rate (c / n) would rank a product shown first above a better
/// one shown fifth; dividing by E puts them on one scale.
/// </para>
/// <para>
/// Why COEC rather than a cascade or DBN model: the storefront lays results out as a grid, which shoppers do not read
/// strictly top-down and stop after one click, as cascade models assume; COEC needs no reading order, takes any number
/// of clicks per search, estimates the position curve from the log itself rather than assuming 1/rank or fitting it
/// by iteration (EM), and every gain can be checked by hand from three counts. Its known bias: r(p) holds the average
/// relevance shown at p as well as the looking, so with a good ranker (better results on top) it credits lower
/// positions a little too much; varied rankings (modes, filters, pages, profiles over time) shrink that.
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

        var rateOf = rates.ToDictionary(r => r.Key, r => r.Value.Clicks / (double)r.Value.Impressions);
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
            var expected = pair.Positions.Sum(p => p.Value * rateOf[p.Key]);
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
            PositionRates = rates.OrderBy(r => r.Key).Select(r => new PositionClickRate(r.Key, r.Value.Impressions, r.Value.Clicks)).ToArray(),
        });
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
        public int Impressions { get; private set; }
        public int Clicks { get; private set; }

        public void Add(int position, bool clicked)
        {
            Positions[position] = Positions.GetValueOrDefault(position) + 1;
            Impressions++;
            if (clicked) Clicks++;
        }
    }
}
