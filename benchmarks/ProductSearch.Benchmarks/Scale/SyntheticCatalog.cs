using System.Globalization;
using ProductSearch.Catalog;
using static ProductSearch.Benchmarks.Scale.SyntheticVocabulary;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// A deterministic catalog of any size, with titles composed the way marketplace sellers write them
/// ("Velwood Women's Waterproof Leather Hiking Boots for Walking, Brown, Size 8") and shopper-style queries
/// ("womens waterproof hiking boots") over the same vocabulary. Products are produced one at a time, so a
/// million of them never sit in memory. The same size always gives the same products: one seeded
/// <see cref="Random"/> (its seeded sequence is fixed across .NET versions) and no hash-ordered collections.
/// </summary>
internal static class SyntheticCatalog
{
    private const int CatalogSeed = 20_261_127;
    private static readonly string[] Brands = ShuffledBrands();

    /// <summary>The first <paramref name="count"/> products of the catalog (a larger catalog starts with the smaller one).</summary>
    public static IEnumerable<Product> Products(int count)
    {
        var random = new Random(CatalogSeed);
        var kinds = new ZipfSampler(Kinds.Length, 0.6);
        var brands = new ZipfSampler(Brands.Length, 1.05);
        var colors = new ZipfSampler(Colors.Length, 0.9);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[kinds.Next(random)];
            var brand = Brands[brands.Next(random)];
            var color = Colors[colors.Next(random)];
            var noun = Pick(random, kind.Nouns, 0.7);
            var modifiers = PickDistinct(random, kind.Modifiers, random.NextDouble() switch { < 0.1 => 0, < 0.7 => 1, _ => 2 });
            var material = random.NextDouble() < 0.5 ? Pick(random, kind.Materials, 0.5) : null;
            var extra = random.NextDouble() < 0.35 ? Pick(random, kind.Extras, 0.5) : null;
            var audience = kind.ForPeople ? Pick(random, Audiences, 0.8) : null;
            var size = kind.Sizes.Length > 0 && random.NextDouble() < 0.8 ? kind.Sizes[random.Next(kind.Sizes.Length)] : null;

            var head = string.Join(' ', new[] { brand, audience }.Concat(modifiers).Append(material).Append(noun).Append(extra).OfType<string>());
            var title = head + (random.NextDouble() < 0.7 ? ", " + color : "") + (size is null ? "" : ", Size " + size);
            var description = $"{brand} {noun.ToLowerInvariant()}" + (material is null ? "" : $" made of {material.ToLowerInvariant()}") +
                              (modifiers.Length == 0 ? "." : $", {string.Join(" and ", modifiers).ToLowerInvariant()}.");
            yield return new Product
            {
                Id = "SYN-" + (i + 1).ToString("D7", CultureInfo.InvariantCulture),
                Title = title,
                Description = description,
                Brand = brand,
                Color = color,
                Locale = "us",
                Categories = [kind.Category],
                Price = Math.Round((decimal)(3 + random.NextDouble() * 120), 2),
                Rating = Math.Round(3 + random.NextDouble() * 2, 1),
                RatingCount = random.Next(1, 5000),
            };
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct shopper queries: lower case, no apostrophes, a product noun with some of an
    /// audience, a colour, a modifier, a material or (rarely) a brand, as people type them.
    /// </summary>
    public static IReadOnlyList<string> Queries(int count, int seed = 7)
    {
        var random = new Random(seed);
        var kinds = new ZipfSampler(Kinds.Length, 0.6);
        var brands = new ZipfSampler(Brands.Length, 1.05);
        var queries = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal); // membership only; order comes from the list
        for (var attempts = 0; queries.Count < count && attempts < count * 100; attempts++)
        {
            var kind = Kinds[kinds.Next(random)];
            var words = new List<string>();
            if (random.NextDouble() < 0.08) words.Add(Brands[brands.Next(random)]);
            if (kind.ForPeople && random.NextDouble() < 0.4) words.Add(Pick(random, Audiences, 0.8));
            if (random.NextDouble() < 0.2) words.Add(Colors[random.Next(Colors.Length)]);
            if (random.NextDouble() < 0.55) words.Add(Pick(random, kind.Modifiers, 0.7));
            if (random.NextDouble() < 0.2) words.Add(Pick(random, kind.Materials, 0.5));
            words.Add(Pick(random, kind.Nouns, 0.7));
            var query = string.Join(' ', words).ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
            if (seen.Add(query)) queries.Add(query);
        }
        return queries;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, double), ZipfSampler> Samplers = new();

    private static string Pick(Random random, string[] words, double skew) =>
        words[Samplers.GetOrAdd((words.Length, skew), key => new ZipfSampler(key.Item1, key.Item2)).Next(random)];

    private static string[] PickDistinct(Random random, string[] words, int take)
    {
        var picked = new List<string>(take);
        while (picked.Count < Math.Min(take, words.Length))
        {
            var word = Pick(random, words, 0.7);
            if (!picked.Contains(word)) picked.Add(word);
        }
        return [.. picked];
    }

    private static string[] ShuffledBrands()
    {
        var brands = BrandStarts.SelectMany(s => BrandEnds.Select(e => s + e))
            .SelectMany(b => BrandSuffixes.Distinct().Select(x => b + x)).ToArray();
        new Random(CatalogSeed + 1).Shuffle(brands); // so popularity does not follow the alphabet
        return brands;
    }
}
