using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>
/// Grows an index's schema as a write brings attributes it does not know: a new attribute takes the type of the
/// values of the batch that first holds it (keyword when they disagree), with <see cref="SchemaField.Inferred"/> flags.
/// A later batch of the same write whose values do not fit that type widens it to keyword, and the write then
/// re-analyses its lexical index before committing (<see cref="NeedsReanalysis"/>), since earlier batches were indexed
/// with the narrower type. A field the index already had keeps its type: a value that does not fit it is not indexed
/// for that field (it stays in the stored product) and is counted in <see cref="ValuesNotFitting"/>.
/// </summary>
internal sealed class SchemaInference(IndexSchema schema)
{
    private readonly HashSet<string> _newThisWrite = new(StringComparer.Ordinal);

    public IndexSchema Schema { get; private set; } = schema;

    /// <summary>Whether a field new in this write was widened after products were indexed with its first type.</summary>
    public bool NeedsReanalysis { get; private set; }

    /// <summary>Attribute values not indexed because they do not fit the type the index already gave their field.</summary>
    public int ValuesNotFitting { get; private set; }

    /// <summary>Whether the schema changed during this write (a field added or widened).</summary>
    public bool Changed => _newThisWrite.Count > 0;

    /// <summary>Takes in one batch's products, before they are indexed.</summary>
    public void Observe(IReadOnlyCollection<Product> products)
    {
        var changes = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        foreach (var group in products.SelectMany(p => p.Attributes).GroupBy(a => a.Key, StringComparer.Ordinal))
        {
            var types = group.Select(a => a.Value.Type).Distinct().ToArray();
            var seen = types.Length == 1 ? types[0] : SchemaFieldType.Keyword;
            if (Schema.Fields.TryGetValue(group.Key, out var known))
            {
                var misfits = group.Count(a => a.Value.As(known.Type) is null);
                if (misfits == 0) continue;
                if (!_newThisWrite.Contains(group.Key))
                {
                    ValuesNotFitting += misfits;
                    continue;
                }
                changes[group.Key] = known with { Type = SchemaFieldType.Keyword, Sortable = false };
                NeedsReanalysis = true;
            }
            else
            {
                changes[group.Key] = SchemaField.Inferred(seen);
                _newThisWrite.Add(group.Key);
            }
        }
        if (changes.Count > 0) Schema = Schema.With(changes);
    }
}
