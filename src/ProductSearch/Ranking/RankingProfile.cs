using ProductSearch.Lexical;

namespace ProductSearch.Ranking;

/// <summary>
/// How a hybrid search ranks: the fusion method and its parameters, how many candidates each retriever gives,
/// and the BM25 field boosts. An index may carry its own (written by <c>productsearch tune</c>); otherwise
/// <see cref="Default"/> applies.
/// </summary>
public sealed record RankingProfile
{
    /// <summary>Fusion method.</summary>
    public FusionMethod Method { get; init; } = FusionMethod.Convex;

    /// <summary>RRF rank constant k.</summary>
    public int RrfRankConstant { get; init; } = ReciprocalRankFusion.DefaultRankConstant;

    /// <summary>RRF weight of the lexical list.</summary>
    public double LexicalWeight { get; init; } = 2.0;

    /// <summary>RRF weight of the dense list.</summary>
    public double DenseWeight { get; init; } = 1.0;

    /// <summary>Convex combination: the dense side's weight α (the lexical side gets 1 − α).</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>Convex combination: how scores are normalised.</summary>
    public ScoreNormalizer Normalizer { get; init; } = ScoreNormalizer.MinMax;

    /// <summary>Candidates taken from each retriever before fusion.</summary>
    public int CandidateDepth { get; init; } = 50;

    /// <summary>BM25 boost per text field (title, brand, color, bullets, description); 0 leaves a field out.</summary>
    public IReadOnlyDictionary<string, float> FieldBoosts { get; init; } = LexicalFields.DefaultBoosts;

    /// <summary>Boost of a sloppy phrase of the query's words on the title (0: none).</summary>
    public float ProximityBoost { get; init; }

    /// <summary>Slop of that phrase.</summary>
    public int ProximitySlop { get; init; } = 3;

    /// <summary>BM25 k1.</summary>
    public float Bm25K1 { get; init; } = 1.2f;

    /// <summary>BM25 b.</summary>
    public float Bm25B { get; init; } = LexicalQuerySettings.DefaultB;

    /// <summary>
    /// Whether the words a query negates ("without a lid", "BPA-free"; see <see cref="Negations"/>) are left out of the
    /// BM25 query and of the text the model embeds: both would otherwise rank products that have the thing on top.
    /// </summary>
    public bool DropNegatedPhrases { get; init; } = true;

    /// <summary>
    /// The factor a hybrid candidate's fused score is multiplied by when its title affirms a word the query negates
    /// (0–1; 1 turns demotion off). See <see cref="FusedCandidate.Demotion"/>.
    /// </summary>
    public double NegationDemotion { get; init; } = 0.6;

    /// <summary>How far query words may be from catalog words (<c>null</c>: exact words only). Requests can turn it off.</summary>
    public TypoTolerance? Typos { get; init; } = TypoTolerance.Default;

    /// <summary>
    /// Score of a product that matches the last word only as a prefix of one of its words (as-you-type), relative to
    /// an exact match; 0 turns prefix matching off. It applies when the text does not end in a space.
    /// </summary>
    public double PrefixWeight { get; init; } = 0.8;

    /// <summary>
    /// Relevance floor of the lexical side: the share of the query's distinct terms a product must match to be a
    /// BM25 candidate (0: any one term is enough).
    /// </summary>
    public double MinimumMatchShare { get; init; }

    /// <summary>
    /// Relevance floor of the dense side: the least similarity (cosine for cosine models) an HNSW candidate that BM25
    /// did not also find must reach; below it, nearest is not relevant. <c>null</c> takes the model's own floor (a
    /// built-in model's <see cref="Embedding.BuiltInModels.Definition.RelevanceFloor"/>; none for other models),
    /// 0 turns it off. Scales differ between models, so an index's tuned profile may set its own.
    /// </summary>
    public double? MinDenseSimilarity { get; init; }

    /// <summary>
    /// How many of the fused list's first candidates the learned second stage reorders, when the index has an enabled
    /// ranker (1–<see cref="MaxRerankDepth"/>). The rest follow in their fused order.
    /// </summary>
    public int RerankDepth { get; init; } = 50;

    /// <summary>The largest <see cref="RerankDepth"/> accepted.</summary>
    public const int MaxRerankDepth = 1000;

    /// <summary>The lexical side of this profile.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public LexicalQuerySettings Lexical => new(FieldBoosts, ProximityBoost, ProximitySlop, Bm25K1, Bm25B, DropNegatedPhrases, Typos, PrefixWeight, MinimumMatchShare);

    /// <summary>Where this profile came from (e.g. "tuned on examples.tsv, 5-fold CV nDCG@10 0.64").</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The profile used when an index has none: convex fusion, α = 0.5, min-max normalised, 50 candidates each; BM25
    /// (k1 = 1.2, b = 0.4) over title, brand and description (1 : 1 : 0.1) with the fields' statistics counted
    /// together; negated words left out of both queries and affirming titles demoted ×0.6. On the 100 queries of the
    /// ESCI sample, on which these rules were chosen: nDCG@10 0.684 (arctic-xs) and 0.669 (minilm) in-sample, 0.680
    /// and 0.668 by nested cross-validation of <c>productsearch tune</c> (README, "Ranking").
    /// </summary>
    public static RankingProfile Default { get; } = new();

    /// <summary>
    /// The hybrid ranking of <paramref name="candidates"/>: both lists fused as this profile says, and the candidates
    /// that affirm what the query negates demoted by <see cref="NegationDemotion"/>.
    /// </summary>
    public IReadOnlyList<FusedCandidate> Rank(CandidateLists candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return Ranking.NegationDemotion.Apply(Fuse(candidates.Lexical, AboveFloor(candidates)), candidates.AffirmNegated, NegationDemotion);
    }

    /// <summary>The dense candidates that pass the relevance floor: at or above it, or found by BM25 too.</summary>
    public IReadOnlyList<(long Key, float Score)> AboveFloor(CandidateLists candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var floor = MinDenseSimilarity ?? candidates.ModelFloor;
        if (floor <= 0 || candidates.Dense.Count == 0 || candidates.Dense[^1].Score >= floor) return candidates.Dense;
        var lexical = candidates.Lexical.Select(c => c.Key).ToHashSet();
        return candidates.Dense.Where(c => c.Score >= floor || lexical.Contains(c.Key)).ToArray();
    }

    /// <summary>Fuses the two lists as this profile says.</summary>
    public IReadOnlyList<FusedCandidate> Fuse(IReadOnlyList<(long Key, float Score)> lexical, IReadOnlyList<(long Key, float Score)> dense) =>
        Method == FusionMethod.Convex
            ? ConvexCombination.Fuse(lexical, dense, Alpha, Normalizer)
            : ReciprocalRankFusion.Fuse(lexical, dense, RrfRankConstant, LexicalWeight, DenseWeight);

    /// <summary>The fusion formula with <paramref name="candidate"/>'s numbers in it, for explanations.</summary>
    public string DescribeFusion(FusedCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Method == FusionMethod.Rrf
            ? FormattableString.Invariant($"RRF: {LexicalWeight}/({RrfRankConstant}+{RankText(candidate.Lexical)}) + {DenseWeight}/({RrfRankConstant}+{RankText(candidate.Dense)}) = {candidate.LexicalPart:F5} + {candidate.DensePart:F5}")
            : FormattableString.Invariant($"convex ({Normalizer}): {1 - Alpha:F2}·lexical + {Alpha:F2}·dense = {candidate.LexicalPart:F4} + {candidate.DensePart:F4}")
            + (candidate.Demotion < 1 ? FormattableString.Invariant($", × {candidate.Demotion:0.##} (the title has a word the query negates)") : "");
    }

    private static string RankText(RetrieverHit? hit) => hit is { } h ? h.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "∞";

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (RrfRankConstant < 0) throw new ArgumentOutOfRangeException(nameof(RrfRankConstant), RrfRankConstant, "The RRF rank constant must not be negative.");
        if (LexicalWeight < 0 || DenseWeight < 0) throw new ArgumentOutOfRangeException(nameof(LexicalWeight), "RRF weights must not be negative.");
        if (Alpha is < 0 or > 1 || double.IsNaN(Alpha)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "alpha must be between 0 and 1.");
        if (CandidateDepth is <= 0 or > 10_000) throw new ArgumentOutOfRangeException(nameof(CandidateDepth), CandidateDepth, "The candidate depth must be between 1 and 10000.");
        if (ProximityBoost < 0 || float.IsNaN(ProximityBoost)) throw new ArgumentOutOfRangeException(nameof(ProximityBoost), ProximityBoost, "The proximity boost must not be negative.");
        if (ProximitySlop is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(ProximitySlop), ProximitySlop, "The proximity slop must be between 0 and 100.");
        if (Bm25K1 is < 0 or > 10 || float.IsNaN(Bm25K1)) throw new ArgumentOutOfRangeException(nameof(Bm25K1), Bm25K1, "BM25 k1 must be between 0 and 10.");
        if (Bm25B is < 0 or > 1 || float.IsNaN(Bm25B)) throw new ArgumentOutOfRangeException(nameof(Bm25B), Bm25B, "BM25 b must be between 0 and 1.");
        Typos?.Validate();
        if (PrefixWeight is < 0 or > 1 || double.IsNaN(PrefixWeight)) throw new ArgumentOutOfRangeException(nameof(PrefixWeight), PrefixWeight, "The prefix weight must be between 0 and 1 (0: off).");
        if (MinimumMatchShare is < 0 or > 1 || double.IsNaN(MinimumMatchShare))
            throw new ArgumentOutOfRangeException(nameof(MinimumMatchShare), MinimumMatchShare, "The minimum match share must be between 0 and 1.");
        if (MinDenseSimilarity is < -1 or > 1 || (MinDenseSimilarity is { } floor && double.IsNaN(floor)))
            throw new ArgumentOutOfRangeException(nameof(MinDenseSimilarity), MinDenseSimilarity, "The minimum dense similarity must be between -1 and 1 (0: off).");

        if (RerankDepth is <= 0 or > MaxRerankDepth)
            throw new ArgumentOutOfRangeException(nameof(RerankDepth), RerankDepth, $"The rerank depth must be between 1 and {MaxRerankDepth}.");
        if (NegationDemotion is < 0 or > 1 || double.IsNaN(NegationDemotion))
            throw new ArgumentOutOfRangeException(nameof(NegationDemotion), NegationDemotion, "The negation demotion must be between 0 and 1 (1: off).");
        foreach (var (field, boost) in FieldBoosts)
        {
            if (!LexicalFields.TextFields.Contains(field))
                throw new ArgumentException($"Unknown field '{field}' in the field boosts; known: {string.Join(", ", LexicalFields.TextFields)}.", nameof(FieldBoosts));
            if (boost < 0 || float.IsNaN(boost)) throw new ArgumentOutOfRangeException(nameof(FieldBoosts), boost, $"The boost of '{field}' must not be negative.");
        }
    }
}
