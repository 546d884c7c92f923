namespace DemoCatalog.Generator;

/// <summary>
/// All product kinds of the demo catalog, in a fixed declaration order. The vocabulary itself lives in
/// the partial files Catalog.Apparel.cs, Catalog.Home.cs and Catalog.General.cs. Brands are fictional;
/// phone models are named only as case compatibility.
/// </summary>
internal static partial class CatalogDefinitions
{
    public static IReadOnlyList<ProductKind> All { get; } = [.. Apparel(), .. Home(), .. General()];

    /// <summary>Fails fast on vocabulary mistakes (bad placeholders, too few bullets, bad ranges).</summary>
    public static void Validate(IReadOnlyList<ProductKind> kinds)
    {
        var probe = new Random(1);
        foreach (var kind in kinds)
        {
            if (kind.Weight <= 0 || kind.Brands.Length == 0 || kind.Titles.Length == 0 || kind.Descriptions.Length == 0)
            {
                throw new InvalidOperationException($"'{kind.Category}': weight, brands, titles and descriptions are required.");
            }

            if (kind.Bullets.Length < 3)
            {
                throw new InvalidOperationException($"'{kind.Category}': at least 3 bullet templates are required.");
            }

            if ((kind.Colors.Length == 0) == (kind.ColorFrom is null))
            {
                throw new InvalidOperationException($"'{kind.Category}': set exactly one of Colors and ColorFrom.");
            }

            if (kind.PriceFrom is null && (kind.PriceCents.Min < 100 || kind.PriceCents.Max < kind.PriceCents.Min))
            {
                throw new InvalidOperationException($"'{kind.Category}': set PriceFrom or a valid PriceCents range.");
            }

            // Every template must resolve (throws on unknown slots or unclosed braces).
            var filler = new TemplateFiller(kind, probe);
            foreach (string template in kind.Titles.Concat(kind.Bullets).Concat(kind.Descriptions))
            {
                _ = filler.Fill(template);
            }

            // Every value of a PriceFrom slot must carry a valid range.
            if (kind.PriceFrom is { } priceFrom)
            {
                string slot = priceFrom.Split('.')[0];
                int part = int.Parse(priceFrom.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
                foreach (string value in kind.Slots[slot])
                {
                    string[] parts = value.Split('|');
                    if (part >= parts.Length)
                    {
                        throw new InvalidOperationException($"'{kind.Category}': '{parts[0]}' has no price range.");
                    }

                    _ = ProductComposer.ParseDollarRange(parts[part]);
                }
            }
        }
    }
}
