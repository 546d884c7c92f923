using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using ProductSearch.Catalog;
using IndexSchema = ProductSearch.Indexing.IndexSchema;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ProductSearch.Lexical;

/// <summary>
/// Writes products into a Lucene BM25 index: the text fields of <see cref="LexicalFields.TextFields"/>, the key and
/// catalog id, and the untokenized and numeric copies that filters match (<see cref="FilterField"/>).
/// </summary>
public sealed class Bm25IndexWriter : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, Lucene.Net.Analysis.Analyzer> _analyzers = [];

    private Bm25IndexWriter(LuceneDirectory directory, OpenMode mode)
    {
        _directory = directory;
        var config = new IndexWriterConfig(ProductAnalyzer.Version, ProductAnalyzer.Create())
        {
            OpenMode = mode,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(directory, config);
    }

    /// <summary>Creates a new, empty index in <paramref name="path"/> (replacing one that is there).</summary>
    public static Bm25IndexWriter Create(string path) => new(FSDirectory.Open(path), OpenMode.CREATE);

    /// <summary>Opens the index in <paramref name="path"/> to change it (creating it when there is none).</summary>
    public static Bm25IndexWriter Open(string path) => new(FSDirectory.Open(path), OpenMode.CREATE_OR_APPEND);

    /// <summary>Adds or replaces the product under <paramref name="key"/>.</summary>
    public void Upsert(long key, Product product) => Write(key, product, replace: true);

    /// <summary>
    /// Adds the product under <paramref name="key"/>, a key this index has never held a live document for (a new
    /// product's): no delete term is buffered, which Lucene would otherwise look up in every segment at each flush.
    /// </summary>
    internal void Add(long key, Product product) => Write(key, product, replace: false);

    /// <summary>
    /// Merges the index down to one segment, without deleted documents: a search then looks each term up once instead of
    /// once per segment. Worth it after a full build, whose files are all new anyway, and when the product store folds
    /// its delta into a new base; other incremental commits keep the large segment (shared by hard link) and merge only
    /// the small ones (<see cref="MergeSmallSegments"/>).
    /// </summary>
    internal void MergeToOneSegment() => MergeTo(1);

    /// <summary>
    /// Merges every segment but the largest into one: the index stays the segment the last full merge wrote plus one
    /// segment of all the documents written since, as the product store and the graph are a base and a delta. Each
    /// segment costs every query a look-up of each of its terms in each field, and Lucene's own merge policy lets small
    /// segments pile up (9 after 1,000 commits of 100 at 1M). The merge reads only the small segments.
    /// </summary>
    internal void MergeSmallSegments() => MergeTo(2);

    private void MergeTo(int segments)
    {
        // As one compound file, as Lucene writes small segments: a merge into a segment above a tenth of the index would
        // otherwise leave a dozen files per segment (the generation's checks and hard links handle fewer, larger files).
        _writer.Config.MergePolicy.NoCFSRatio = 1.0;
        // Lucene's tiered policy merges the smallest segments first when forced down to a count; with two, the largest stays as it is.
        _writer.ForceMerge(segments);
    }

    private void Write(long key, Product product, bool replace)
    {
        var keyText = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var document = new Document
        {
            new StringField(LexicalFields.Key, keyText, Field.Store.NO),
            // Doc values, not a stored field: reading a hit's key is then an array lookup, not a document load.
            new NumericDocValuesField(LexicalFields.Key, key),
            new StringField(LexicalFields.ProductId, product.Id, Field.Store.NO),
            new TextField(LexicalFields.Title, product.Title, Field.Store.NO),
        };
        AddText(document, LexicalFields.Brand, product.Brand);
        AddText(document, LexicalFields.Color, product.Color);
        AddText(document, LexicalFields.Bullets, product.BulletPoints);
        AddText(document, LexicalFields.Description, product.Description);
        document.Add(new Field(LexicalFields.CombinedText, string.Join('\n', product.Title, product.Brand, product.Description), MatchOnly));
        var locale = CatalogLocale.OfProduct(product.Locale);
        document.Add(new Field(LexicalFields.AffirmedTitle, Negations.Parse(product.Title, locale, includeNo: true).Affirmed, MatchOnly));
        document.Add(new Field(LexicalFields.Spelling, string.IsNullOrWhiteSpace(product.Brand) ? product.Title : product.Title + "\n" + product.Brand, MatchPhrases));
        AddFilterTerm(document, FilterField.Brand, product.Brand);
        AddFilterTerm(document, FilterField.Color, product.Color);
        AddFilterTerm(document, FilterField.Locale, product.Locale);
        foreach (var category in product.Categories) AddFilterTerm(document, FilterField.Category, category);
        if (product.Price is { } price) document.Add(new DoubleField(LexicalFields.Price, (double)price, Field.Store.NO));
        if (product.Rating is { } rating) document.Add(new DoubleField(LexicalFields.Rating, rating, Field.Store.NO));
        if (product.RatingCount is { } count) document.Add(new Int64Field(LexicalFields.RatingCount, count, Field.Store.NO));
        AddAttributes(document, product);
        // Each product is analysed in its own language (its product_locale), the same way its queries will be.
        if (replace) _writer.UpdateDocument(new Term(LexicalFields.Key, keyText), document, AnalyzerFor(product.Locale));
        else _writer.AddDocument(document, AnalyzerFor(product.Locale));
    }

    /// <summary>
    /// How custom attributes are indexed: as <see cref="Schema"/> types them (a value that does not fit its field's type
    /// is left out; an attribute the schema lacks too). Every value is indexed for filters and facets whatever the
    /// field's flags, so turning them on needs no re-analysis; a searchable field's words also go into its text field.
    /// </summary>
    internal IndexSchema Schema { get; set; } = IndexSchema.Default;

    private void AddAttributes(Document document, Product product)
    {
        foreach (var (name, value) in product.Attributes)
        {
            if (!Schema.Fields.TryGetValue(name, out var field) || value.As(field.Type) is not { } typed) continue;
            if (typed.Number is { } number) document.Add(new DoubleField(LexicalFields.AttributeNumber(name), number, Field.Store.NO));
            else document.Add(new StringField(LexicalFields.AttributeTerm(name), FilterField.Normalize(typed.ToString()), Field.Store.NO));
            if (field.Searchable) document.Add(new TextField(LexicalFields.AttributeText(name), typed.ToString(), Field.Store.NO));
        }
    }

    /// <summary>Removes every document (before the index is re-analysed from the stored products).</summary>
    internal void DeleteAll() => _writer.DeleteAll();

    private Lucene.Net.Analysis.Analyzer AnalyzerFor(string? locale)
    {
        var known = CatalogLocale.OfProduct(locale);
        if (!_analyzers.TryGetValue(known, out var analyzer)) _analyzers[known] = analyzer = ProductAnalyzer.Create(known);
        return analyzer;
    }

    /// <summary>Makes every change durable and visible to newly opened searchers.</summary>
    public void Commit() => _writer.Commit();

    /// <summary>Removes the product under <paramref name="key"/>, if any.</summary>
    public void Delete(long key) =>
        _writer.DeleteDocuments(new Term(LexicalFields.Key, key.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Fields searched for which documents hold a term, never scored: no frequencies, positions or norms.</summary>
    private static readonly FieldType MatchOnly = CreateMatchOnly();

    /// <summary>
    /// Fields searched for which documents hold a term or a phrase, never scored: positions but no norms. The spelling
    /// field keeps its positions so that a negation phrase written in some title ("Rebel Without a Cause") is found as
    /// a phrase, stop words and all (<see cref="Bm25Searcher.AnyTitleHolds"/>).
    /// </summary>
    private static readonly FieldType MatchPhrases = CreateMatchOnly(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private static FieldType CreateMatchOnly(IndexOptions options = IndexOptions.DOCS_ONLY)
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = options, OmitNorms = true };
        type.Freeze();
        return type;
    }

    private static void AddFilterTerm(Document document, FilterField field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) document.Add(new StringField(field.LuceneField, FilterField.Normalize(value), Field.Store.NO));
    }

    private static void AddText(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) document.Add(new TextField(field, value, Field.Store.NO));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A close that fails (a full disk: Lucene commits on close) keeps Lucene's write lock, and the process would
            // hold it on that folder for good; rolling back releases it. The close's error is the one to report.
            try { _writer.Rollback(); }
            catch (Exception rollback) when (rollback is IOException or ObjectDisposedException) { }
            throw;
        }
        finally
        {
            _directory.Dispose();
            foreach (var analyzer in _analyzers.Values) analyzer.Dispose();
        }
    }
}
