using Lucene.Net.Analysis.Synonym;

namespace ProductSearch.Lexical;

/// <summary>A synonyms file that cannot be used; the message names the line.</summary>
public sealed class SynonymRulesException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public SynonymRulesException(int line, string message, Exception? inner = null) : base(ProductSearchErrorReason.InvalidInput, message, inner) => Line = line;

    /// <summary>The 1-based line of the first rule that cannot be read.</summary>
    public int Line { get; }
}

/// <summary>
/// An index's synonyms, in the Solr format Lucene reads (<see cref="SolrSynonymParser"/>): <c>sneakers, trainers,
/// running shoes</c> makes the words equivalent, <c>tee =&gt; t-shirt</c> rewrites one into the other, <c>#</c> starts a
/// comment. The rules are analysed like the catalog (so <c>sneakers</c> also covers <c>sneaker</c>) and applied to
/// queries only, by Lucene's <see cref="SynonymFilter"/>: changing them needs no re-indexing.
/// </summary>
public static class SynonymRules
{
    /// <summary>The file holding them inside a generation folder.</summary>
    public const string FileName = "synonyms.txt";

    /// <summary>Largest synonyms file accepted.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Parses <paramref name="text"/> into Lucene's synonym map; <c>null</c> when it holds no rule.</summary>
    /// <exception cref="SynonymRulesException">A rule cannot be read; the message names its line.</exception>
    public static SynonymMap? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
            throw new SynonymRulesException(0, $"The synonyms are larger than {MaxBytes / (1024 * 1024)} MB.");
        if (text.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#'))) return null;
        try
        {
            return Build(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parser names no line Lucene.Net exposes reliably; find the first rule that fails on its own.
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                try { Build(lines[i]); }
                catch (Exception lineError) when (lineError is not OutOfMemoryException)
                {
                    throw new SynonymRulesException(i + 1, $"Synonym rule on line {i + 1} cannot be read ('{lines[i].Trim()}'): {Reason(lineError)}", ex);
                }
            }
            throw new SynonymRulesException(0, $"The synonyms cannot be read: {Reason(ex)}", ex);
        }
    }

    private static SynonymMap Build(string text)
    {
        using var analyzer = ProductAnalyzer.CreateForSynonymRules();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        parser.Parse(new StringReader(text));
        return parser.Build();
    }

    private static string Reason(Exception error) => (error.InnerException ?? error).Message.Split('\n')[0].TrimEnd('.') + ".";
}
