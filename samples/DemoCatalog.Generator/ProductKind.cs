namespace DemoCatalog.Generator;

/// <summary>
/// A family of similar products (one leaf category, a few brands, shared phrasing) from which
/// individual catalog entries are composed.
/// </summary>
/// <remarks>
/// Text fields are templates. A placeholder is <c>{name}</c>, <c>{name.N}</c> or either with a
/// <c>:lc</c> suffix (lower case). <c>name</c> is <c>brand</c>, <c>color</c> or a key of
/// <see cref="Slots"/>. A slot value may hold several parts separated by <c>|</c> (typically
/// "title phrase|short noun|detail"); <c>{name.N}</c> selects part N and falls back to part 0 when the
/// value has fewer parts. A value is chosen once per product, so title, bullets and description agree.
/// An empty slot value makes that placeholder optional; the composer tidies the resulting spacing.
/// </remarks>
internal sealed class ProductKind
{
    /// <summary>Category path, levels separated by " &gt; ", e.g. "Clothing, Shoes &amp; Jewelry &gt; Girls &gt; Shoes".</summary>
    public required string Category { get; init; }

    /// <summary>Relative share of the catalog; counts are allocated proportionally.</summary>
    public required int Weight { get; init; }

    /// <summary>Inclusive price range in cents, before the price is rounded to a retail ending.</summary>
    public (int Min, int Max) PriceCents { get; init; }

    /// <summary>
    /// Takes the price range from a slot part instead, written in whole dollars as "min-max" (e.g. "type.4"
    /// holding "12-25"), for kinds whose product types differ widely in price. Set this or <see cref="PriceCents"/>.
    /// </summary>
    public string? PriceFrom { get; init; }

    public required string[] Brands { get; init; }

    /// <summary>Colors to pick from (repeat an entry to make it more likely). Empty when <see cref="ColorFrom"/> is set.</summary>
    public string[] Colors { get; init; } = [];

    /// <summary>
    /// Takes the color from a slot part instead, e.g. "design.2" for a design that implies its color, or
    /// "type.3" where each product type lists its own plausible colors separated by ';'. An empty part
    /// means the product has no meaningful color (books, food): product_color is then empty.
    /// </summary>
    public string? ColorFrom { get; init; }

    public Dictionary<string, string[]> Slots { get; init; } = new(StringComparer.Ordinal);

    public required string[] Titles { get; init; }

    /// <summary>Bullet templates; 3 to 5 of them are used per product, in the order listed here.</summary>
    public required string[] Bullets { get; init; }

    /// <summary>Description templates (one or two sentences each); one is used per product.</summary>
    public required string[] Descriptions { get; init; }

    public string[] CategoryPath => Category.Split(" > ");
}
