using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using ProductSearch.Lexical;

namespace ProductSearch.Ranking;

/// <summary>The query side of the features, read once per search.</summary>
/// <param name="Terms">The distinct analysed words of what the query asks for (negated phrases left out).</param>
/// <param name="Words">The query's words as typed, lowercased, without stop words and negation triggers.</param>
/// <param name="Quantities">The numbers with units the query names.</param>
/// <param name="Negates">Whether the query negates anything.</param>
internal sealed record RankerQuery(IReadOnlyList<string> Terms, IReadOnlySet<string> Words, IReadOnlySet<Quantity> Quantities, bool Negates);

/// <summary>
/// The product side of the features, which depends on the product alone: read once per product and commit, and
/// cached (see <see cref="Search.CandidateFeatures"/>).
/// </summary>
/// <param name="ProductId">The catalog id.</param>
/// <param name="TitleTerms">The title's analysed words.</param>
/// <param name="TermsBeforeFor">The analysed words before the title's first "for"/"compatible"/"fits"; <c>null</c> when it has none.</param>
/// <param name="TitleWords">The title's words as written, lowercased.</param>
/// <param name="TitleWordCount">How many words the title has.</param>
/// <param name="BrandTerms">The brand's analysed words.</param>
/// <param name="CueTerms">The accessory cues among the title's analysed words.</param>
/// <param name="Quantities">The numbers with units the title names.</param>
internal sealed record ProductText(string ProductId, IReadOnlySet<string> TitleTerms, IReadOnlySet<string>? TermsBeforeFor, IReadOnlySet<string> TitleWords,
    int TitleWordCount, IReadOnlySet<string> BrandTerms, IReadOnlySet<string> CueTerms, IReadOnlySet<Quantity> Quantities);

/// <summary>What the features need to know of one fused candidate besides its text.</summary>
/// <param name="Fused">The candidate as fusion left it.</param>
/// <param name="FusedRank">Its 1-based position in the fused list.</param>
/// <param name="LexicalScore">Its combined-field BM25 score for the query (0 when no word matches).</param>
/// <param name="AffirmsNegation">Whether its title affirms what the query negates.</param>
internal readonly record struct RankerCandidateInput(FusedCandidate Fused, int FusedRank, float LexicalScore, bool AffirmsNegation);

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
        _cueTerms = AccessoryCues.Words.SelectMany(w => Analyze(w).Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads the query side of the features from the shopper's text.</summary>
    public RankerQuery Query(string text)
    {
        var negation = Negations.Parse(text, includeNo: true);
        // What the shopper asks for: the negated words must not count as words a title should match.
        var asked = Triggers().Replace(Negations.Parse(text, includeNo: false).Affirmed, " ");
        var words = Words(asked).Where(w => !EnglishAnalyzer.DefaultStopSet.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return new RankerQuery(Analyze(asked).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray(), words, Quantities.Read(asked), !negation.IsEmpty);
    }

    /// <summary>Reads the product side of the features from a title and a brand (one analysis pass of each).</summary>
    public ProductText Product(string productId, string title, string? brand)
    {
        var analysed = Analyze(title);
        var titleTerms = analysed.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var marker = ForMarkerOffset(title);
        var words = Words(title).ToList();
        return new ProductText(
            productId,
            titleTerms,
            marker < 0 ? null : analysed.Where(t => t.Start < marker).Select(t => t.Term).ToHashSet(StringComparer.Ordinal),
            words.ToHashSet(StringComparer.Ordinal),
            words.Count,
            brand is { Length: > 0 } ? Analyze(brand).Select(t => t.Term).ToHashSet(StringComparer.Ordinal) : [],
            titleTerms.Where(_cueTerms.Contains).ToHashSet(StringComparer.Ordinal),
            Quantities.Read(title));
    }

    /// <summary>The feature vector of one candidate, in <see cref="RankerFeatures.Names"/> order.</summary>
    public static float[] Compute(RankerQuery query, ProductText product, RankerCandidateInput candidate)
    {
        var terms = query.Terms;
        var inTitle = terms.Count(product.TitleTerms.Contains);
        var brandOnly = terms.Count(t => !product.TitleTerms.Contains(t) && product.BrandTerms.Contains(t));
        // "Case for iPhone 14" has "iphone" and "14" only after "for": an accessory for the product the shopper named.
        var afterFor = product.TermsBeforeFor is { } before ? terms.Count(t => product.TitleTerms.Contains(t) && !before.Contains(t)) : 0;
        var cues = product.CueTerms.Count(t => !terms.Contains(t));
        var fused = candidate.Fused;
        return
        [
            candidate.FusedRank,
            (float)fused.FusedScore,
            fused.Lexical?.Rank ?? RankerFeatures.MissingRank,
            candidate.LexicalScore,
            fused.Dense?.Rank ?? RankerFeatures.MissingRank,
            fused.Dense?.Score ?? RankerFeatures.MissingScore,
            Share(query.Words.Count(product.TitleWords.Contains), query.Words.Count),
            Share(inTitle, terms.Count),
            brandOnly,
            candidate.AffirmsNegation ? 1 : 0,
            query.Negates ? 1 : 0,
            cues,
            Share(afterFor, terms.Count),
            query.Quantities.Count,
            query.Quantities.Count(q => Quantities.Matches(q, product.Quantities)),
            query.Quantities.Count(q => Quantities.Conflicts(q, product.Quantities)),
            product.TitleWordCount,
            terms.Count,
        ];
    }

    /// <summary>Where the title's first "for"/"compatible"/"fits" word starts, or −1.</summary>
    private static int ForMarkerOffset(string title)
    {
        foreach (Match word in WhitespaceWord().Matches(title))
            if (AccessoryCues.ForMarkers.Contains(word.Value.Trim(',', '.', ';', ':', '(', ')').ToLowerInvariant())) return word.Index;
        return -1;
    }

    private static float Share(int part, int whole) => whole == 0 ? 0 : part / (float)whole;

    private List<(string Term, int Start)> Analyze(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = _analyzer.GetTokenStream(LexicalFields.Title, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add((term.ToString(), offset.StartOffset));
        stream.End();
        return terms;
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    public void Dispose() => _analyzer.Dispose();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceWord();

    [GeneratedRegex(@"(?i)(?<![\p{L}\p{N}])(?:without|w/o)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Triggers();
}
