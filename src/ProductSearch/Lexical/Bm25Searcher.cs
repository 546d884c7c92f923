using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ProductSearch.Lexical;

/// <summary>A candidate from the lexical index: product key and BM25 score.</summary>
public readonly record struct LexicalHit(long Key, float Score);

/// <summary>
/// Searches a BM25 index opened at one commit (a point-in-time view). Thread-safe: Lucene's
/// <see cref="IndexSearcher"/> serves concurrent searches.
/// </summary>
public sealed class Bm25Searcher : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = ProductAnalyzer.Create();
    private readonly NumericDocValues _keys;

    private Bm25Searcher(LuceneDirectory directory)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _keys = MultiDocValues.GetNumericValues(_reader, LexicalFields.Key)
            ?? throw new InvalidDataException($"The lexical index has no '{LexicalFields.Key}' doc values; rebuild it.");
    }

    /// <summary>Opens the index at <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No index there.</exception>
    public static Bm25Searcher Open(string path)
    {
        if (!System.IO.Directory.Exists(path)) throw new DirectoryNotFoundException($"Lexical index '{path}' does not exist.");
        var directory = FSDirectory.Open(path);
        try
        {
            return new Bm25Searcher(directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Number of live documents.</summary>
    public int Count => _reader.NumDocs;

    /// <summary>The top <paramref name="k"/> products for <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<LexicalHit> Search(string text, int k, IReadOnlyDictionary<string, float>? fieldBoosts = null)
    {
        var query = LexicalQueryBuilder.Build(_analyzer, text, fieldBoosts ?? LexicalFields.DefaultBoosts);
        if (query is null || k <= 0) return [];
        var top = _searcher.Search(query, k);
        var hits = new LexicalHit[top.ScoreDocs.Length];
        for (var i = 0; i < hits.Length; i++) hits[i] = new LexicalHit(_keys.Get(top.ScoreDocs[i].Doc), top.ScoreDocs[i].Score);
        return hits;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
