using Lucene.Net.Index;
using Lucene.Net.Search.Highlight;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// Marks the words of a title that the query matched — exactly, by stem, within typo edits, as a prefix or through a
/// synonym alike — with Lucene.Net.Highlighter over the index's own analysis: the query's terms on the title field,
/// its fuzzy and prefix clauses expanded against this commit (what they actually matched), score the title's tokens.
/// The result is HTML: the title encoded, matches in <c>&lt;mark&gt;</c>.
/// </summary>
internal sealed class TitleHighlighter
{
    /// <summary>What a highlighted title wraps a match in.</summary>
    public const string OpenMark = "<mark>";

    /// <summary>The end of a match.</summary>
    public const string CloseMark = "</mark>";

    private readonly Highlighter? _highlighter;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;

    public TitleHighlighter(PreparedQuery query, IndexSnapshot snapshot)
    {
        _analyzer = query.Analyzer;
        if (query.ExpandedLexicalQuery(snapshot.Lexical) is not { } expanded) return;
        var terms = new HashSet<Term>();
        expanded.ExtractTerms(terms);
        var weighted = terms.Where(t => t.Field == LexicalFields.Title).Select(t => new WeightedTerm(1f, t.Text)).ToArray();
        if (weighted.Length == 0) return;
        _highlighter = new Highlighter(new SimpleHTMLFormatter(OpenMark, CloseMark), new SimpleHTMLEncoder(), new QueryTermScorer(weighted))
        {
            TextFragmenter = new NullFragmenter(), // the whole title, not a snippet
        };
    }

    /// <summary>The title as HTML with the matched words marked (encoded and unmarked when nothing matched).</summary>
    public string Mark(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var marked = _highlighter?.GetBestFragment(_analyzer, LexicalFields.Title, title);
        return marked ?? SimpleHTMLEncoder.HtmlEncode(title);
    }
}
