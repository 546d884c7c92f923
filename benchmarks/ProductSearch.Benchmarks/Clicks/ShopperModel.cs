using System.Globalization;
using ProductSearch.Evaluation;

namespace ProductSearch.Benchmarks.Clicks;

/// <summary>
/// How simulated shoppers behave: a position-based model with a cascade's stop. A shopper looks at the result at
/// rank r with probability <c>1 / r^η</c> (<see cref="Eta"/>); having looked, clicks it with the attractiveness of
/// its true ESCI label, scaled per (query, product) by a seeded log-normal factor (titles and pictures draw shoppers
/// beyond what the label says); after a click, stops with probability <see cref="StopAfterClick"/>. Every shown
/// result is logged as an impression, as the storefront's page does for cards on screen: which ones the shopper
/// really looked at is exactly what the click model has to infer.
/// </summary>
internal sealed record ShopperModel
{
    /// <summary>Searches per query.</summary>
    public int SessionsPerQuery { get; init; } = 300;

    /// <summary>Results shown per search (one page).</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>Exponent of the examination curve 1/rank^η.</summary>
    public double Eta { get; init; } = 1.0;

    /// <summary>Click probability of a looked-at result, by its true label (unjudged products count as Irrelevant).</summary>
    public IReadOnlyDictionary<EsciLabel, double> Attractiveness { get; init; } = new Dictionary<EsciLabel, double>
    {
        [EsciLabel.Exact] = 0.7, [EsciLabel.Substitute] = 0.35, [EsciLabel.Complement] = 0.15, [EsciLabel.Irrelevant] = 0.05,
    };

    /// <summary>Spread (σ of the log) of the per-(query, product) attractiveness factor; 0 makes the label all there is.</summary>
    public double AttractivenessNoise { get; init; } = 0.3;

    /// <summary>Probability that a shopper stops looking after a click.</summary>
    public double StopAfterClick { get; init; } = 0.5;

    /// <summary>Which search mode a session uses, with its share (the storefront's switch): hybrid mostly.</summary>
    public IReadOnlyList<(SearchMode Mode, double Share)> Modes { get; init; } = [(SearchMode.Hybrid, 0.8), (SearchMode.Bm25, 0.1), (SearchMode.Dense, 0.1)];

    /// <summary>
    /// How many rankers the shop serves at random, one per search (exploration, as an A/B/n test does); 1 serves one.
    /// The ranker is told which (<see cref="ShopperSimulator.Ranker"/>'s <c>variant</c>).
    /// </summary>
    public int ServingVariants { get; init; } = 1;

    /// <summary>Seed of every random draw.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Parses <c>hybrid=0.8,keyword=0.1,semantic=0.1</c> (also bm25, dense).</summary>
    public static IReadOnlyList<(SearchMode, double)> ParseModes(string text)
    {
        var modes = new List<(SearchMode, double)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2);
            SearchMode mode = pieces[0].ToLowerInvariant() switch
            {
                "hybrid" => SearchMode.Hybrid,
                "keyword" or "bm25" => SearchMode.Bm25,
                "semantic" or "dense" => SearchMode.Dense,
                _ => throw new ArgumentException($"Unknown mode '{pieces[0]}' in --modes (hybrid, keyword, semantic)."),
            };
            var share = pieces.Length == 2 && double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s
                : throw new ArgumentException($"--modes needs mode=share with a share above 0, got '{part}'.");
            modes.Add((mode, share));
        }
        return modes.Count > 0 ? modes : throw new ArgumentException("--modes names no mode.");
    }
}
