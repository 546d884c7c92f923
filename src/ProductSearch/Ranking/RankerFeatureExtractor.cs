using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using ProductSearch.Lexical;

namespace ProductSearch.Ranking;

/// <summary>The query side of the features, read once per search.</summary>
/// <param name="Terms">The distinct analysed words of what the query asks for (negated phrases left out).</param>
/// <param name="Words">The query's words as typed, lowercased, without stop words and negation triggers.</param>
/// <param name="Quantities">The numbers with units the query names.</param>
/// <param name="Negates">Whether the query negates anything.</param>
internal sealed record RankerQuery(IReadOnlyList<string> Terms, IReadOnlySet<string> Words, IReadOnlySet<Quantity> Quantities, bool Negates);

/// <summary>What the features need to know of one fused candidate.</summary>
/// <param name="Fused">The candidate as fusion left it.</param>
/// <param name="FusedRank">Its 1-based position in the fused list.</param>
/// <param name="LexicalScore">Its combined-field BM25 score for the query (0 when no word matches).</param>
/// <param name="Title">The product's title.</param>
/// <param name="Brand">The product's brand.</param>
/// <param name="AffirmsNegation">Whether its title affirms what the query negates.</param>
internal readonly record struct RankerCandidateInput(FusedCandidate Fused, int FusedRank, float LexicalScore, string Title, string? Brand, bool AffirmsNegation);

/// <summary>
/// Computes <see cref="RankerFeatures"/> — the one implementation that both training (through
/// <see cref="SearchEngine.RankerCandidates"/>) and the rerank stage use. Thread-safe: the Lucene analyzer keeps its
/// token streams per thread.
/// </summary>
internal sealed partial class RankerFeatureExtractor : IDisposable
{
    private readonly Analyzer _analyzer = ProductAnalyzer.Create();
    private readonly HashSet<string> _cueTerms;

    public RankerFeatureExtractor() =>
        _cueTerms = AccessoryCues.Words.SelectMany(w => Analyze(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads the query side of the features from the shopper's text.</summary>
    public RankerQuery Query(string text)
    {
        var negation = Negations.Parse(text, includeNo: true);
        // What the shopper asks for: the negated words must not count as words a title should match.
        var asked = Triggers().Replace(Negations.Parse(text, includeNo: false).Affirmed, " ");
        var words = Words(asked).Where(w => !EnglishAnalyzer.DefaultStopSet.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return new RankerQuery(Analyze(asked).Distinct(StringComparer.Ordinal).ToArray(), words, Quantities.Read(asked), !negation.IsEmpty);
    }

    /// <summary>The feature vector of one candidate, in <see cref="RankerFeatures.Names"/> order.</summary>
    public float[] Compute(RankerQuery query, RankerCandidateInput candidate)
    {
        var titleTerms = Analyze(candidate.Title).ToHashSet(StringComparer.Ordinal);
        var titleWords = Words(candidate.Title).ToList();
        var brandTerms = candidate.Brand is { Length: > 0 } brand ? Analyze(brand).ToHashSet(StringComparer.Ordinal) : [];
        var titleQuantities = Quantities.Read(candidate.Title);
        var terms = query.Terms;

        var inTitle = terms.Count(titleTerms.Contains);
        var brandOnly = terms.Count(t => !titleTerms.Contains(t) && brandTerms.Contains(t));
        var exact = query.Words.Count(titleWords.Contains);
        var cues = titleTerms.Count(t => _cueTerms.Contains(t) && !terms.Contains(t));
        var afterFor = TermsOnlyAfterFor(candidate.Title, titleTerms, terms);
        var matched = query.Quantities.Count(q => Quantities.Matches(q, titleQuantities));
        var conflicting = query.Quantities.Count(q => Quantities.Conflicts(q, titleQuantities));
        var fused = candidate.Fused;
        return
        [
            candidate.FusedRank,
            (float)fused.FusedScore,
            fused.Lexical?.Rank ?? RankerFeatures.MissingRank,
            candidate.LexicalScore,
            fused.Dense?.Rank ?? RankerFeatures.MissingRank,
            fused.Dense?.Score ?? RankerFeatures.MissingScore,
            Share(exact, query.Words.Count),
            Share(inTitle, terms.Count),
            brandOnly,
            candidate.AffirmsNegation ? 1 : 0,
            query.Negates ? 1 : 0,
            cues,
            Share(afterFor, terms.Count),
            query.Quantities.Count,
            matched,
            conflicting,
            titleWords.Count,
            terms.Count,
        ];
    }

    /// <summary>
    /// How many query terms the title has only after its first "for"/"compatible"/"fits": "Case for iPhone 14" has
    /// "iphone" and "14" only there, the sign of an accessory for the product the shopper named.
    /// </summary>
    private int TermsOnlyAfterFor(string title, HashSet<string> titleTerms, IReadOnlyList<string> terms)
    {
        var tokens = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var marker = Array.FindIndex(tokens, t => AccessoryCues.ForMarkers.Contains(t.Trim(',', '.', ';', ':', '(', ')').ToLowerInvariant()));
        if (marker < 0) return 0;
        var before = Analyze(string.Join(' ', tokens.Take(marker))).ToHashSet(StringComparer.Ordinal);
        return terms.Count(t => titleTerms.Contains(t) && !before.Contains(t));
    }

    private static float Share(int part, int whole) => whole == 0 ? 0 : part / (float)whole;

    private List<string> Analyze(string text) => LexicalQueryBuilder.Analyze(_analyzer, LexicalFields.Title, text);

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    public void Dispose() => _analyzer.Dispose();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?i)(?<![\p{L}\p{N}])(?:without|w/o)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Triggers();
}
