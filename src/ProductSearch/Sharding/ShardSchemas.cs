using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Sharding;

/// <summary>The schema of a sharded index: its shards' schemas merged.</summary>
internal static class ShardSchemas
{
    /// <summary>
    /// Every field of any shard (each shard infers the attributes its own products bring). A field the shards define
    /// alike keeps that definition; flags that differ are the lowest-numbered shard's; a type that differs is keyword
    /// (a shard whose values disagreed inferred keyword, as one index holding every product does when an attribute's
    /// values disagree), with the flags of the first shard that has it as keyword.
    /// </summary>
    public static IndexSchema Merge(IReadOnlyList<IndexSchema> shards)
    {
        var fields = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        foreach (var group in shards.SelectMany(s => s.Fields).GroupBy(f => f.Key, StringComparer.Ordinal))
        {
            var definitions = group.Select(f => f.Value).ToArray();
            var first = definitions[0];
            fields[group.Key] = definitions.All(d => d.Type == first.Type) ? first
                : definitions.FirstOrDefault(d => d.Type == SchemaFieldType.Keyword) ?? first with { Type = SchemaFieldType.Keyword, Sortable = false };
        }
        return IndexSchema.Default.With(fields);
    }
}
