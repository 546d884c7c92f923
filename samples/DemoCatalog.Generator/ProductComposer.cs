namespace DemoCatalog.Generator;

/// <summary>One generated catalog entry, before it is given an id.</summary>
internal sealed record Product(
    string Title,
    string Description,
    IReadOnlyList<string> Bullets,
    string Brand,
    string Color,
    IReadOnlyList<string> Category,
    decimal Price,
    decimal Rating,
    int RatingCount);

/// <summary>Composes a product (title, bullets, description, price, rating) from a <see cref="ProductKind"/>.</summary>
internal sealed class ProductComposer
{
    private static readonly int[] CheapEndings = [99, 99, 99, 99, 95, 49, 97, 0];
    private static readonly int[] DearEndings = [99, 99, 99, 95, 0, 0];

    private readonly Random _rng;

    public ProductComposer(Random rng) => _rng = rng;

    public Product Compose(ProductKind kind)
    {
        var filler = new TemplateFiller(kind, _rng);

        // Brand and color first so every template of this product sees the same values.
        string brand = filler.Fill("{brand}");
        string color = filler.Fill("{color}");
        string title = TemplateFiller.Tidy(filler.Fill(Pick(kind.Titles)));

        var bullets = new List<string>(5);
        foreach (int index in PickOrderedSubset(kind.Bullets.Length, _rng.Next(3, 6)))
        {
            bullets.Add(CapitalizeAfterLabel(TemplateFiller.Tidy(filler.Fill(kind.Bullets[index]))));
        }

        string description = Capitalize(TemplateFiller.Tidy(filler.Fill(Pick(kind.Descriptions))), 0);

        (int minCents, int maxCents) = kind.PriceFrom is { } priceFrom
            ? ParseDollarRange(filler.Fill("{" + priceFrom + "}"))
            : kind.PriceCents;

        int ratingCount = NextRatingCount();
        return new Product(
            title,
            description,
            bullets,
            brand,
            color,
            kind.CategoryPath,
            NextPrice(minCents, maxCents),
            NextRating(ratingCount),
            ratingCount);
    }

    /// <summary>Upper-cases the first letter of a bullet's body: "SIZE: this pair" becomes "SIZE: This pair".</summary>
    private static string CapitalizeAfterLabel(string bullet)
    {
        int colon = bullet.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? Capitalize(bullet, 0) : Capitalize(bullet, colon + 2);
    }

    private static string Capitalize(string text, int index) =>
        index < text.Length && char.IsLower(text[index])
            ? string.Concat(text.AsSpan(0, index), char.ToUpperInvariant(text[index]).ToString(), text.AsSpan(index + 1))
            : text;

    /// <summary>Parses a whole-dollar range such as "12-25" into cents.</summary>
    public static (int MinCents, int MaxCents) ParseDollarRange(string range)
    {
        string[] ends = range.Split('-');
        if (ends.Length != 2
            || !int.TryParse(ends[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int min)
            || !int.TryParse(ends[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int max)
            || min < 1 || max < min)
        {
            throw new FormatException($"Bad price range '{range}'; expected whole dollars like \"12-25\".");
        }

        return (min * 100, max * 100);
    }

    private string Pick(string[] options) => options[_rng.Next(options.Length)];

    /// <summary>Picks <paramref name="take"/> distinct indexes below <paramref name="n"/>, returned in ascending order.</summary>
    private IEnumerable<int> PickOrderedSubset(int n, int take)
    {
        take = Math.Min(take, n);
        var keep = new bool[n];
        for (int kept = 0; kept < take;)
        {
            int i = _rng.Next(n);
            if (!keep[i])
            {
                keep[i] = true;
                kept++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                yield return i;
            }
        }
    }

    /// <summary>A price in the range, rounded to a retail ending such as .99 or .49.</summary>
    private decimal NextPrice(int minCents, int maxCents)
    {
        int cents = _rng.Next(minCents, maxCents + 1);
        int dollars = cents / 100;
        int[] endings = dollars >= 60 ? DearEndings : CheapEndings;
        int ending = endings[_rng.Next(endings.Length)];
        if (dollars < 1)
        {
            ending = Math.Max(ending, 49);
        }

        return new decimal(dollars * 100 + ending, 0, 0, false, 2);
    }

    /// <summary>Review counts are heavy-tailed: most items have tens to hundreds, a few have tens of thousands.</summary>
    private int NextRatingCount()
    {
        double u = _rng.NextDouble();
        double logMax = Math.Log(48_000);
        double count = Math.Exp(Math.Pow(u, 1.35) * logMax);
        return Math.Max(1, (int)Math.Round(count));
    }

    /// <summary>
    /// Ratings cluster around 4.3; items with few reviews spread wider and only they reach a perfect 5.0.
    /// One decimal, 1.0 to 5.0.
    /// </summary>
    private decimal NextRating(int ratingCount)
    {
        bool fewReviews = ratingCount < 25;
        double spread = fewReviews ? 1.2 : 0.7;
        double noise = _rng.NextDouble() + _rng.NextDouble() + _rng.NextDouble() - 1.5;
        double rating = Math.Clamp(4.3 + (noise * spread), 1.0, fewReviews ? 5.0 : 4.9);
        int tenths = (int)Math.Round(rating * 10, MidpointRounding.AwayFromZero);
        return new decimal(tenths, 0, 0, false, 1);
    }
}
