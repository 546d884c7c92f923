namespace ProductSearch.Lexical;

/// <summary>
/// One term's counts in one part of the catalog, as BM25 reads them: products holding it in <paramref name="Field"/>,
/// its occurrences there (−1 when the field does not record them), and products holding it in any of title, brand and
/// description together (<see cref="LexicalFields.CombinedText"/>; 0 for other fields).
/// </summary>
/// <param name="Field">The Lucene field.</param>
/// <param name="Text">The analysed term.</param>
/// <param name="DocFreq">Products holding the term in the field.</param>
/// <param name="TotalTermFreq">Its occurrences in the field, or −1.</param>
/// <param name="CombinedDocFreq">Products holding it in title, brand or description (0 for other fields).</param>
public sealed record TermCounts(string Field, string Text, long DocFreq, long TotalTermFreq, long CombinedDocFreq);

/// <summary>One field's collection counts in one part of the catalog (Lucene's <c>CollectionStatistics</c>); −1 where the field does not record a count.</summary>
/// <param name="Field">The Lucene field.</param>
/// <param name="MaxDoc">Documents, deleted ones included (what BM25's IDF and average length divide by).</param>
/// <param name="DocCount">Documents holding the field, or −1.</param>
/// <param name="SumTotalTermFreq">Terms in the field over all documents, or −1.</param>
/// <param name="SumDocFreq">Postings of the field, or −1.</param>
public sealed record FieldCounts(string Field, long MaxDoc, long DocCount, long SumTotalTermFreq, long SumDocFreq);

/// <summary>
/// The BM25 statistics of one query: the counts of its terms and of their fields. A shard reports its own
/// (<see cref="Sharding.IShardSearcher.StatisticsAsync"/>); <see cref="Sum"/> adds the shards' up, which is what one
/// index holding every product would count, and every shard then scores with the sum.
/// </summary>
public sealed class GlobalStatistics
{
    /// <summary>The terms' counts.</summary>
    public IReadOnlyList<TermCounts> Terms { get; init; } = [];

    /// <summary>The fields' counts.</summary>
    public IReadOnlyList<FieldCounts> Fields { get; init; } = [];

    private Dictionary<(string, string), TermCounts>? _terms;
    private Dictionary<string, FieldCounts>? _fields;

    /// <summary>The counts of a term, or <c>null</c> when these statistics do not hold it.</summary>
    public TermCounts? Term(string field, string text)
    {
        _terms ??= Terms.ToDictionary(t => (t.Field, t.Text));
        return _terms.GetValueOrDefault((field, text));
    }

    /// <summary>The counts of a field, or <c>null</c> when these statistics do not hold it.</summary>
    public FieldCounts? Field(string field)
    {
        _fields ??= Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        return _fields.GetValueOrDefault(field);
    }

    /// <summary>
    /// The counts of every part added up, term by term and field by field (a count some part does not record, −1, makes
    /// the sum −1, as Lucene reads it). A term a part did not report counts 0 there.
    /// </summary>
    public static GlobalStatistics Sum(IEnumerable<GlobalStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToArray();
        var terms = all.SelectMany(p => p.Terms).GroupBy(t => (t.Field, t.Text))
            .Select(g => new TermCounts(g.Key.Field, g.Key.Text, g.Sum(t => t.DocFreq), SumOf(g.Select(t => t.TotalTermFreq)), g.Sum(t => t.CombinedDocFreq)))
            .OrderBy(t => t.Field, StringComparer.Ordinal).ThenBy(t => t.Text, StringComparer.Ordinal).ToArray();
        var fields = all.SelectMany(p => p.Fields).GroupBy(f => f.Field, StringComparer.Ordinal)
            .Select(g => new FieldCounts(g.Key, g.Sum(f => f.MaxDoc), SumOf(g.Select(f => f.DocCount)), SumOf(g.Select(f => f.SumTotalTermFreq)), SumOf(g.Select(f => f.SumDocFreq))))
            .OrderBy(f => f.Field, StringComparer.Ordinal).ToArray();
        return new GlobalStatistics { Terms = terms, Fields = fields };
    }

    private static long SumOf(IEnumerable<long> counts)
    {
        long sum = 0;
        foreach (var count in counts)
        {
            if (count < 0) return -1;
            sum += count;
        }
        return sum;
    }
}
