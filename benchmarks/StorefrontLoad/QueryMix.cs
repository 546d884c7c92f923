namespace StorefrontLoad;

/// <summary>
/// The requests a load run sends: shopper-like queries over the demo catalog's departments, mostly plain hybrid
/// searches, some with a filter, another mode, another page or an explanation, as a storefront page sends them.
/// </summary>
internal static class QueryMix
{
    private static readonly string[] Queries =
    [
        "girls white shoes", "girls sandals", "toddler boots", "baby girl shoes", "boys sneakers", "mens running shoes",
        "womens ankle boots", "kids light up shoes", "white canvas sneakers", "black dress shoes", "girls dress",
        "womens summer dress", "mens flannel shirt", "kids rain jacket", "womens leggings", "mens hoodie",
        "phone case", "iphone 14 case", "samsung galaxy s23 case", "clear phone case", "case with card holder",
        "kitchen towels", "dish cloths", "cast iron skillet", "nonstick frying pan", "food storage containers",
        "leather belt", "mens belt with silver buckle", "1 3/4 inch belt strap", "cordless drill", "hammer",
        "screwdriver set", "building blocks", "teddy bear", "board game for kids", "face serum", "nail polish set",
        "hair straightener", "coffee table", "dining chair", "bookshelf", "throw pillow covers", "bed sheets queen",
        "bath towels", "dog leash", "cat toys", "garden hose", "yoga mat", "water bottle", "backpack for school",
        "wallet for men", "luggage carry on", "notebook", "crayons", "earrings", "necklace for women", "car phone mount",
        "seat covers", "vitamin c", "coffee beans",
    ];

    private static readonly string[] Words = ["soft", "small", "large", "blue", "pink", "gift", "classic", "light", "warm", "travel", "cotton", "metal"];

    /// <summary>The path and query of request number <paramref name="n"/>.</summary>
    public static string Request(long n, bool unique, bool serve = false)
    {
        var query = Queries[n % Queries.Length];
        // A unique text misses the engine's query-embedding cache, so every request runs the model once.
        if (unique) query = $"{query} {Words[(n / Queries.Length) % Words.Length]} {n}";
        var path = (serve ? "/search?q=" : "/api/search?q=") + Uri.EscapeDataString(query);
        if (serve)
        {
            // productsearch serve's names for the same mix (it has no explanations: the page's k=24 stays).
            return (n % 20) switch
            {
                3 => path + "&color=white",
                7 => path + "&maxPrice=30",
                11 => path + "&mode=bm25",
                13 => path + "&mode=dense",
                17 => path + "&offset=10",
                19 => path + "&k=24",
                _ => path,
            };
        }
        return (n % 20) switch
        {
            3 => path + "&color=white",
            7 => path + "&maxPrice=30",
            11 => path + "&mode=keyword",
            13 => path + "&mode=semantic",
            17 => path + "&offset=10",
            19 => path + "&k=24&explain=true", // what the page asks for
            _ => path,
        };
    }
}
