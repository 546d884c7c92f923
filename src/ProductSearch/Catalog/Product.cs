namespace ProductSearch.Catalog;

/// <summary>
/// A catalog product, with the official Amazon ESCI column names in mind (<c>product_id</c>,
/// <c>product_title</c>, …) and the optional commerce fields a storefront shows.
/// </summary>
public sealed record Product
{
    /// <summary>The catalog's own id (<c>product_id</c>, an ASIN in ESCI).</summary>
    public required string Id { get; init; }

    /// <summary>The title (<c>product_title</c>); never empty in a stored product.</summary>
    public required string Title { get; init; }

    /// <summary>Long description (<c>product_description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>Bullet points, newline-separated (<c>product_bullet_point</c>).</summary>
    public string? BulletPoints { get; init; }

    /// <summary>Brand (<c>product_brand</c>).</summary>
    public string? Brand { get; init; }

    /// <summary>Color (<c>product_color</c>).</summary>
    public string? Color { get; init; }

    /// <summary>Locale (<c>product_locale</c>: us, es, jp).</summary>
    public string? Locale { get; init; }

    /// <summary>Price, in the catalog's currency.</summary>
    public decimal? Price { get; init; }

    /// <summary>Average rating, 1–5.</summary>
    public double? Rating { get; init; }

    /// <summary>Number of ratings.</summary>
    public int? RatingCount { get; init; }

    /// <summary>Category path, broadest first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Image address.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>
    /// The shop's own fields (a size, a material, a stock flag, a weight), by name (<see cref="AttributeNames"/>), in
    /// name order. The index schema says how each is filtered, faceted, sorted and searched.
    /// </summary>
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = NoAttributes;

    /// <summary>The one empty attribute map, so products without attributes compare equal.</summary>
    internal static readonly IReadOnlyDictionary<string, AttributeValue> NoAttributes = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal);
}
