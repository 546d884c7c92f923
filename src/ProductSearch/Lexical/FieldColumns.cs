using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ProductSearch.Lexical;

/// <summary>
/// Reads field values of products by key, for sorting and facet counts: Lucene's field cache uninverts each filter
/// field once per commit (an array per number field, term ordinals per keyword field) over one atomic view of the
/// index, and a key → document array built once maps candidates to documents. Reading a candidate's value is then an
/// array lookup, so sorting and counting the whole result set costs microseconds, not a store read per product.
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
        var ords = FieldCache.DEFAULT.GetDocTermOrds(_reader, field.LuceneField);
        var counts = new Dictionary<long, (int Count, long Example)>();
        foreach (var key in keys)
        {
            var doc = DocOf(key);
            if (doc < 0) continue;
            ords.SetDocument(doc);
            for (var ord = ords.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = ords.NextOrd())
                counts[ord] = counts.TryGetValue(ord, out var seen) ? (seen.Count + 1, seen.Example) : (1, key);
        }
        var term = new BytesRef();
        var byTerm = new Dictionary<string, (int, long)>(counts.Count, StringComparer.Ordinal);
        foreach (var (ord, count) in counts)
        {
            ords.LookupOrd(ord, term);
            byTerm[term.Utf8ToString()] = count;
        }
        return byTerm;
    }
}
