using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ProductSearch.Lexical;

/// <summary>
/// Reads field values of products by key, for sorting and facet counts, once per commit and field: Lucene's field
/// cache uninverts a number field into an array over one atomic view of the index, a keyword field's terms are laid out
/// per key from its postings (<see cref="KeywordColumn"/>), and a key → document array maps candidates to documents.
/// Reading a candidate's value is then an array lookup, so sorting and counting the whole result set costs
/// microseconds, not a store read per product.
/// </summary>
internal sealed class FieldColumns
{
    private readonly AtomicReader _reader;
    private readonly int[] _docOfKey;

    public FieldColumns(DirectoryReader reader, long maxKey)
    {
        _reader = SlowCompositeReaderWrapper.Wrap(reader);
        _docOfKey = new int[maxKey + 1];
        Array.Fill(_docOfKey, -1);
        var keys = _reader.GetNumericDocValues(LexicalFields.Key);
        var live = _reader.LiveDocs;
        if (keys is null) return;
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            var key = keys.Get(doc);
            if (key >= 0 && key < _docOfKey.Length) _docOfKey[key] = doc;
        }
    }

    private int DocOf(long key) => key >= 0 && key < _docOfKey.Length ? _docOfKey[key] : -1;

    /// <summary>The number of <paramref name="field"/> per key (NaN where a product has none).</summary>
    public double[] Numbers(FilterField field, IReadOnlyList<long> keys)
    {
        var values = new double[keys.Count];
        var has = FieldCache.DEFAULT.GetDocsWithField(_reader, field.LuceneField);
        if (field.Kind == FilterValueKind.Integer)
        {
            var longs = FieldCache.DEFAULT.GetInt64s(_reader, field.LuceneField, FieldCache.NUMERIC_UTILS_INT64_PARSER, false);
            for (var i = 0; i < keys.Count; i++) values[i] = DocOf(keys[i]) is var doc and >= 0 && has.Get(doc) ? longs.Get(doc) : double.NaN;
        }
        else
        {
            var doubles = FieldCache.DEFAULT.GetDoubles(_reader, field.LuceneField, FieldCache.NUMERIC_UTILS_DOUBLE_PARSER, false);
            for (var i = 0; i < keys.Count; i++) values[i] = DocOf(keys[i]) is var doc and >= 0 && has.Get(doc) ? doubles.Get(doc) : double.NaN;
        }
        return values;
    }

    /// <summary>
    /// How many of <paramref name="keys"/> hold each term of <paramref name="field"/> (a product with several, like
    /// category levels, counts once per term), with the first of them holding it.
    /// </summary>
    public Dictionary<string, (int Count, long Example)> TermCounts(FilterField field, IEnumerable<long> keys)
    {
        var column = _keywords.GetOrAdd(field.LuceneField, f => new Lazy<KeywordColumn>(() => KeywordColumn.Build(_reader, f, _docOfKey))).Value;
        var counts = new Dictionary<int, (int Count, long Example)>();
        foreach (var key in keys)
        {
            if (key < 0 || key >= column.Starts.Length - 1) continue;
            for (var i = column.Starts[key]; i < column.Starts[key + 1]; i++)
            {
                var ord = column.Ords[i];
                counts[ord] = counts.TryGetValue(ord, out var seen) ? (seen.Count + 1, seen.Example) : (1, key);
            }
        }
        return counts.ToDictionary(c => column.Terms[c.Key], c => c.Value, StringComparer.Ordinal);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<KeywordColumn>> _keywords = new(StringComparer.Ordinal);

    /// <summary>
    /// A keyword field's terms per product key, in compressed rows: key k holds <c>Ords[Starts[k]..Starts[k+1]]</c>, each
    /// an index into <c>Terms</c>. Built once per commit and field from the term dictionary and its postings, so
    /// counting a result set's values is array reads, with no term seek per value.
    /// </summary>
    private sealed record KeywordColumn(int[] Starts, int[] Ords, string[] Terms)
    {
        public static KeywordColumn Build(AtomicReader reader, string field, int[] docOfKey)
        {
            var keyOfDoc = new long[reader.MaxDoc];
            Array.Fill(keyOfDoc, -1);
            for (var key = 0; key < docOfKey.Length; key++)
                if (docOfKey[key] >= 0) keyOfDoc[docOfKey[key]] = key;
            var terms = new List<string>();
            var pairs = new List<(long Key, int Ord)>();
            var termsEnum = reader.GetTerms(field)?.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum is not null && termsEnum.MoveNext())
            {
                var ord = terms.Count;
                terms.Add(termsEnum.Term.Utf8ToString());
                docs = termsEnum.Docs(reader.LiveDocs, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                    if (keyOfDoc[doc] >= 0) pairs.Add((keyOfDoc[doc], ord));
            }
            var starts = new int[docOfKey.Length + 1];
            foreach (var (key, _) in pairs) starts[key + 1]++;
            for (var k = 0; k < docOfKey.Length; k++) starts[k + 1] += starts[k];
            var ords = new int[pairs.Count];
            var next = (int[])starts.Clone();
            foreach (var (key, ord) in pairs) ords[next[key]++] = ord;
            return new KeywordColumn(starts, ords, [.. terms]);
        }
    }
}
