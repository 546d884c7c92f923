using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// Plain Lucene.Net BM25, as a .NET developer would set it up without us: the peers' search text (title and brand)
/// in one field, StandardAnalyzer, BM25 with Lucene's defaults (k1 1.2, b 0.75), the query's words OR-ed together,
/// in memory.
/// </summary>
internal static class LuceneBm25Peer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static PeerResult Run(PeerData data, int minimumCalls)
    {
        using var analyzer = new StandardAnalyzer(Version);
        var ((directory, reader), buildSeconds) = PeerTiming.Build(() =>
        {
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
            {
                foreach (var product in data.Products)
                    writer.AddDocument(new Document { new StringField("id", product.Id, Field.Store.YES), new TextField("text", PeerData.SearchText(product), Field.Store.NO) });
                writer.Commit();
            }
            return (directory, DirectoryReader.Open(directory));
        });
        using (directory)
        using (reader)
        {
            var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
            return PeerTiming.Run("Lucene.Net 4.8 (BM25 alone)", "BM25, StandardAnalyzer", "lexical", buildSeconds, data.Queries, minimumCalls, q =>
                searcher.Search(QueryOf(analyzer, q.Query), 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToArray());
        }
    }

    private static Query QueryOf(Analyzer analyzer, string text)
    {
        var query = new BooleanQuery();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
        stream.End();
        return query;
    }
}
