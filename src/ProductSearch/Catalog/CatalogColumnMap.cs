namespace ProductSearch.Catalog;

/// <summary>
/// Which column of a CSV or TSV catalog holds which product field. Fields are named by the keys in
/// <see cref="Keys"/>; a field not mapped is looked for under its ESCI column name (<c>product_title</c>, …).
/// </summary>
public sealed class CatalogColumnMap
{
    private static readonly Dictionary<string, string> EsciColumns = new(StringComparer.Ordinal)
    {
        ["id"] = "product_id",
        ["title"] = "product_title",
        ["description"] = "product_description",
        ["bullets"] = "product_bullet_point",
        ["brand"] = "product_brand",
        ["color"] = "product_color",
        ["locale"] = "product_locale",
        ["price"] = "price",
        ["rating"] = "rating",
        ["rating_count"] = "rating_count",
        ["category"] = "category",
        ["image_url"] = "image_url",
    };

    private readonly Dictionary<string, string> _explicit;

    private CatalogColumnMap(Dictionary<string, string> explicitColumns) => _explicit = explicitColumns;

    /// <summary>The field keys, in the order of <see cref="Product"/>'s members.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. EsciColumns.Keys];

    /// <summary>The map that expects the ESCI column names.</summary>
    public static CatalogColumnMap Esci { get; } = new([]);

    /// <summary>Parses <c>key=Column,key=Column</c>, e.g. <c>title=Name,brand=Maker</c>.</summary>
    /// <exception cref="ArgumentException">An unknown key, a key given twice, or a pair that is not <c>key=Column</c>; the message names it.</exception>
    public static CatalogColumnMap Parse(string spec)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
                throw new ArgumentException($"Column map entry '{pair}' is not key=Column (e.g. title=Name).");
            var key = pair[..equals].Trim().ToLowerInvariant();
            var column = pair[(equals + 1)..].Trim();
            if (!EsciColumns.ContainsKey(key))
                throw new ArgumentException($"Unknown column map key '{pair[..equals].Trim()}'; the keys are: {string.Join(", ", Keys)}.");
            if (!map.TryAdd(key, column))
                throw new ArgumentException($"Column map key '{key}' is given twice.");
        }
        return new CatalogColumnMap(map);
    }

    /// <summary>The column that holds field <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="Keys"/>.</exception>
    public string ColumnFor(string key) =>
        _explicit.TryGetValue(key, out var column) ? column
        : EsciColumns.TryGetValue(key, out var esci) ? esci
        : throw new ArgumentException($"Unknown column map key '{key}'.");

    /// <summary>Whether field <paramref name="key"/> was mapped by hand (such a column must exist).</summary>
    public bool IsExplicit(string key) => _explicit.ContainsKey(key);

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Keys.Select(k => $"{k}={ColumnFor(k)}"));
}
