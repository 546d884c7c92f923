using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProductSearch.Behavior;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// Seeded shoppers (<see cref="ShopperModel"/>) searching an engine for judged queries and writing what they did to a
/// behaviour log in the UBI format, through the same <see cref="BehaviorLogWriter"/> the storefront uses. The truth
/// they click by is the judged queries' labels; the click model never sees it.
/// </summary>
internal sealed class ShopperSimulator(ShopperModel model)
{
    /// <summary>Top results of a query in a mode, best first, by serving variant <paramref name="variant"/> (0 when the shop serves one ranker).</summary>
    public delegate Task<IReadOnlyList<string>> Ranker(string query, SearchMode mode, int variant, int count, CancellationToken cancellationToken);

    /// <summary>What the shoppers did.</summary>
    /// <param name="MeanPositions">Where each (query id, product) was shown on average: the engine's own order, as a baseline.</param>
    public sealed record Outcome(int Sessions, long Impressions, long Clicks, IReadOnlyDictionary<SearchMode, int> SessionsByMode,
        IReadOnlyDictionary<(string QueryId, string ProductId), double> MeanPositions);

    /// <summary>Runs <see cref="ShopperModel.SessionsPerQuery"/> sessions for each of <paramref name="truth"/>'s queries, in a shuffled order.</summary>
    public async Task<Outcome> RunAsync(IReadOnlyList<QueryJudgments> truth, Ranker ranker, BehaviorLogWriter log, CancellationToken cancellationToken = default)
    {
        var random = new Random(model.Seed);
        var sessions = Enumerable.Range(0, truth.Count * model.SessionsPerQuery).Select(i => i % truth.Count).ToArray();
        random.Shuffle(sessions);
        var rankings = new Dictionary<(int, SearchMode, int), IReadOnlyList<string>>();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        long impressions = 0, clicks = 0;
        var byMode = new Dictionary<SearchMode, int>();
        var positions = new Dictionary<(string, string), (double Sum, int Count)>();
        for (var s = 0; s < sessions.Length; s++)
        {
            var judged = truth[sessions[s]];
            var mode = PickMode(random);
            var variant = model.ServingVariants > 1 ? random.Next(model.ServingVariants) : 0;
            byMode[mode] = byMode.GetValueOrDefault(mode) + 1;
            if (!rankings.TryGetValue((sessions[s], mode, variant), out var shown))
                rankings[(sessions[s], mode, variant)] = shown = await ranker(judged.Query, mode, variant, model.PageSize, cancellationToken);
            var time = start.AddSeconds(s * 7);
            var queryId = string.Create(CultureInfo.InvariantCulture, $"sim-{model.Seed}-{s}");
            var client = string.Create(CultureInfo.InvariantCulture, $"shopper-{random.Next(1_000_000)}");
            Write(log, log.TryWrite(new UbiQuery
            {
                QueryId = queryId, UserQuery = judged.Query, Timestamp = time, ClientId = client, Application = "click-simulation",
                QueryResponseHitIds = shown, ObjectIdField = UbiQueries.ProductIdField,
                QueryAttributes = new Dictionary<string, string> { ["mode"] = mode.ToString().ToLowerInvariant(), ["k"] = shown.Count.ToString(CultureInfo.InvariantCulture), ["offset"] = "0" },
            }));
            var textId = ClickJudgments.QueryIdOf(judged.Query);
            for (var r = 0; r < shown.Count; r++)
            {
                Write(log, log.TryWrite(UbiEvent.OnObject(UbiActions.Impression, queryId, shown[r], r + 1, time.AddMilliseconds(500)) with { ClientId = client }));
                var (sum, count) = positions.GetValueOrDefault((textId, shown[r]));
                positions[(textId, shown[r])] = (sum + r + 1, count + 1);
            }
            impressions += shown.Count;
            for (var r = 0; r < shown.Count; r++)
            {
                if (random.NextDouble() >= Math.Pow(r + 1, -model.Eta)) continue;                      // not looked at
                if (random.NextDouble() >= Attractiveness(judged, shown[r])) continue;                 // looked, not drawn
                Write(log, log.TryWrite(UbiEvent.OnObject(UbiActions.Click, queryId, shown[r], r + 1, time.AddSeconds(2 + r)) with { ClientId = client }));
                clicks++;
                if (random.NextDouble() < model.StopAfterClick) break;
            }
            // The writer's queue is bounded; a simulator must not outrun it (a storefront would drop and count instead).
            if (s % 500 == 499) await log.FlushAsync(cancellationToken);
        }
        await log.FlushAsync(cancellationToken);
        return new Outcome(sessions.Length, impressions, clicks, byMode, positions.ToDictionary(p => p.Key, p => p.Value.Sum / p.Value.Count));
    }

    /// <summary>The click probability of a looked-at product: its label's attractiveness times a stable per-pair factor, at most 1.</summary>
    public double Attractiveness(QueryJudgments judged, string productId)
    {
        var baseline = model.Attractiveness[judged.LabelOf(productId)];
        if (model.AttractivenessNoise == 0) return baseline;
        // A standard normal from a hash of (seed, query, product): the same pair is as attractive in every session.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{model.Seed}\u001f{judged.Query}\u001f{productId}")));
        var u1 = (BitConverter.ToUInt32(hash, 0) + 1.0) / (uint.MaxValue + 2.0);
        var u2 = (BitConverter.ToUInt32(hash, 4) + 1.0) / (uint.MaxValue + 2.0);
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Min(1, baseline * Math.Exp(model.AttractivenessNoise * normal - model.AttractivenessNoise * model.AttractivenessNoise / 2));
    }

    private SearchMode PickMode(Random random)
    {
        var draw = random.NextDouble() * model.Modes.Sum(m => m.Share);
        foreach (var (mode, share) in model.Modes)
        {
            if (draw < share) return mode;
            draw -= share;
        }
        return model.Modes[^1].Mode;
    }

    private static void Write(BehaviorLogWriter log, bool accepted)
    {
        if (!accepted) throw new InvalidOperationException($"The behaviour log dropped a record ({log.Statistics}); the simulation would be biased.");
    }
}
