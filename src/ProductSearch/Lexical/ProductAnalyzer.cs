using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace ProductSearch.Lexical;

/// <summary>
/// The analysis shared by indexing and querying: Lucene's <see cref="EnglishAnalyzer"/> (standard tokenizer,
/// possessive removal, lowercase, English stop words, Porter stemming). One definition, so that index-time and
/// query-time terms can never drift apart.
/// </summary>
public static class ProductAnalyzer
{
    /// <summary>The Lucene version all analysis runs at.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Creates the analyzer (cheap; analyzers are thread-safe once built).</summary>
    public static Analyzer Create() => new EnglishAnalyzer(Version);
}
