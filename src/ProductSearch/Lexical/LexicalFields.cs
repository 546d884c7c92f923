namespace ProductSearch.Lexical;

/// <summary>Field names of the lexical index and their default BM25 boosts.</summary>
public static class LexicalFields
{
    /// <summary>The numeric product key, as a stored string (the join key with the other stores).</summary>
    public const string Key = "key";

    /// <summary>The catalog id, indexed untokenized.</summary>
    public const string ProductId = "product_id";

    /// <summary>Title text.</summary>
    public const string Title = "title";

    /// <summary>Brand text.</summary>
    public const string Brand = "brand";

    /// <summary>Color text.</summary>
    public const string Color = "color";

    /// <summary>Bullet-point text.</summary>
    public const string Bullets = "bullets";

    /// <summary>
    /// Default per-field boosts: the title carries the product; brand and color are short and exact; bullets
    /// are long and noisy, so they count least.
    /// </summary>
    public static IReadOnlyDictionary<string, float> DefaultBoosts { get; } = new Dictionary<string, float>
    {
        [Title] = 1.0f,
        [Brand] = 0.6f,
        [Color] = 0.5f,
        [Bullets] = 0.3f,
    };
}
