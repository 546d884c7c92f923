using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>How the index treats one product field (<see cref="IndexSchema"/>).</summary>
/// <param name="Type">Keyword, number or boolean.</param>
public sealed record SchemaField(SchemaFieldType Type)
{
    /// <summary>Searches may filter on it (equality and any-of; ranges for numbers).</summary>
    public bool Filterable { get; init; }

    /// <summary>Searches may ask for its value counts (keywords, booleans) or range buckets (numbers).</summary>
    public bool Facetable { get; init; }

    /// <summary>Searches may sort by it (numbers).</summary>
    public bool Sortable { get; init; }

    /// <summary>Its words join the BM25 query (custom keyword attributes only), weighted by <see cref="Boost"/>.</summary>
    public bool Searchable { get; init; }

    /// <summary>The BM25 weight of a searchable field, relative to the title's 1.</summary>
    public float Boost { get; init; } = 1;

    /// <summary>What a field of <paramref name="type"/> gets when inferred from a catalog: filterable and facetable; numbers also sortable.</summary>
    public static SchemaField Inferred(SchemaFieldType type) => new(type)
    {
        Filterable = true,
        Facetable = true,
        Sortable = type == SchemaFieldType.Number,
    };
}
