using System.Collections;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>
/// Collects the product keys of matching documents into a bitmap (scores are not needed, so none are computed). Each
/// segment's keys are read through the doc values the segment hands this thread: an instance shared between threads
/// would read keys at another search's file position.
/// </summary>
internal sealed class KeyCollector(long maxKey, Bm25Searcher owner) : ICollector
{
    private readonly BitArray _bits = new((int)Math.Min(maxKey + 1, int.MaxValue));
    private NumericDocValues? _keys;
    private int _count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) =>
        _keys = context.AtomicReader.GetNumericDocValues(LexicalFields.Key)
            ?? throw owner.Damaged($"has a segment without '{LexicalFields.Key}' doc values");

    public void Collect(int doc)
    {
        var key = _keys!.Get(doc);
        if (key < 0 || key >= _bits.Length || _bits[(int)key]) return;
        _bits[(int)key] = true;
        _count++;
    }

    public KeySet ToKeySet() => new(_bits, _count);
}
