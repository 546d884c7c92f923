using System.Globalization;
using System.Text.Json;

namespace ProductSearch.Tests.Support;

/// <summary>A generated catalog of many products with known attributes: 100 brands (1 % each), 10 colors, prices 1–100.</summary>
internal static class SyntheticCatalog
{
    public static readonly string[] Nouns = ["shoes", "sneakers", "boots", "sandals", "jacket", "shirt", "case", "towel", "lamp", "chair", "mug", "drill"];
    public static readonly string[] Adjectives = ["white", "black", "red", "soft", "leather", "cotton", "kids", "girls", "mens", "womens", "classic", "light"];
    public static readonly string[] Colors = ["White", "Black", "Red", "Blue", "Green", "Pink", "Gray", "Brown", "Navy", "Tan"];

    public static string Brand(int i) => "Brand" + (i % 100).ToString("D2", CultureInfo.InvariantCulture);

    public static string Write(string path, int count)
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["product_id"] = "S" + i.ToString("D6", CultureInfo.InvariantCulture),
            ["product_title"] = $"{Brand(i)} {Adjectives[random.Next(Adjectives.Length)]} {Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} model {i % 37}",
            ["product_brand"] = Brand(i),
            ["product_color"] = Colors[i % Colors.Length],
            ["product_locale"] = i % 50 == 0 ? "es" : "us",
            ["price"] = 1 + i % 100,
            ["rating"] = 1 + i % 5,
            ["rating_count"] = i % 7,
            ["category"] = new[] { "Store", i % 2 == 0 ? "Even" : "Odd" },
        }));
        File.WriteAllLines(path, lines);
        return path;
    }
}
