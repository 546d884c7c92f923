using System.Collections;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ProductSearch.Lexical;

/// <summary>Collects the product keys of matching documents into a bitmap (scores are not needed, so none are computed).</summary>
internal sealed class KeyCollector(NumericDocValues keys, long maxKey) : ICollector
{
    private readonly BitArray _bits = new((int)Math.Min(maxKey + 1, int.MaxValue));
    private int _docBase;
    private int _count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var key = keys.Get(_docBase + doc);
        if (key < 0 || key >= _bits.Length || _bits[(int)key]) return;
        _bits[(int)key] = true;
        _count++;
    }

    public KeySet ToKeySet() => new(_bits, _count);
}
