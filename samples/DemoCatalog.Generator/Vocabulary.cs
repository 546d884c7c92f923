using System.Globalization;

namespace DemoCatalog.Generator;

/// <summary>Size runs and other vocabulary shared by several categories.</summary>
internal static class Vocabulary
{
    public static readonly string[] WomenShoeSizes = HalfSizes("Size ", 5, 11);
    public static readonly string[] MenShoeSizes = [.. HalfSizes("Size ", 7, 13), "Size 14", "Size 15"];

    /// <summary>US kids' runs: toddler 5–10, little kid 10.5–13 and 1–3, big kid 3.5–7.</summary>
    public static readonly string[] KidsShoeSizes =
    [
        .. HalfSizes("Toddler Size ", 5, 10),
        .. HalfSizes("Little Kid Size ", 10.5m, 13),
        .. HalfSizes("Little Kid Size ", 1, 3),
        .. HalfSizes("Big Kid Size ", 3.5m, 7),
    ];

    public static readonly string[] BabyShoeSizes =
    [
        "0-6 Months", "6-12 Months", "12-18 Months", "18-24 Months",
        "Infant Size 2", "Infant Size 3", "Infant Size 4", "Toddler Size 5",
    ];

    public static readonly string[] WomenClothingSizes = ["X-Small", "Small", "Medium", "Large", "X-Large", "XX-Large"];
    public static readonly string[] MenClothingSizes = ["Small", "Medium", "Large", "X-Large", "XX-Large", "3X-Large"];

    /// <summary>Kids' letter sizes with numeric equivalents, plus toddler sizes.</summary>
    public static readonly string[] KidsClothingSizes =
    [
        "2T", "3T", "4T", "5T",
        "X-Small (4-5)", "Small (6-7)", "Medium (8)", "Large (10-12)", "X-Large (14-16)",
    ];

    public static readonly string[] BabyClothingSizes =
    [
        "Newborn", "0-3 Months", "3-6 Months", "6-9 Months", "9-12 Months", "12 Months", "18 Months", "24 Months",
    ];

    public static readonly string[] MenPantSizes = Cross(["30W", "32W", "33W", "34W", "36W", "38W", "40W", "42W"], ["x 30L", "x 32L", "x 34L"]);

    /// <summary>Belt sizes are the waist size in inches.</summary>
    public static readonly string[] BeltSizes = Range("Size ", 28, 50, 2);

    /// <summary>Phone models for cases: "title name|screen size".</summary>
    public static readonly string[] PhoneModels =
    [
        "iPhone 15|6.1 inch", "iPhone 15 Plus|6.7 inch", "iPhone 15 Pro|6.1 inch", "iPhone 15 Pro Max|6.7 inch",
        "iPhone 14|6.1 inch", "iPhone 14 Plus|6.7 inch", "iPhone 14 Pro|6.1 inch", "iPhone 14 Pro Max|6.7 inch",
        "iPhone 13|6.1 inch", "iPhone 13 Mini|5.4 inch", "iPhone 13 Pro|6.1 inch", "iPhone 13 Pro Max|6.7 inch",
        "Samsung Galaxy S24|6.2 inch", "Samsung Galaxy S24+|6.7 inch", "Samsung Galaxy S24 Ultra|6.8 inch",
        "Samsung Galaxy S23|6.1 inch", "Samsung Galaxy S23+|6.6 inch", "Samsung Galaxy S23 Ultra|6.8 inch",
        "Google Pixel 8|6.2 inch", "Google Pixel 8 Pro|6.7 inch",
        "Motorola Moto G Power 5G 2023|6.5 inch", "Motorola Moto G Stylus 5G 2023|6.6 inch", "Motorola Moto G Play 2023|6.5 inch",
    ];

    private static string[] HalfSizes(string prefix, decimal from, decimal to)
    {
        var sizes = new List<string>();
        for (decimal s = from; s <= to; s += 0.5m)
        {
            sizes.Add(prefix + s.ToString("0.#", CultureInfo.InvariantCulture));
        }

        return [.. sizes];
    }

    private static string[] Range(string prefix, int from, int to, int step)
    {
        var sizes = new List<string>();
        for (int s = from; s <= to; s += step)
        {
            sizes.Add(prefix + s.ToString(CultureInfo.InvariantCulture));
        }

        return [.. sizes];
    }

    private static string[] Cross(string[] first, string[] second) =>
        [.. first.SelectMany(a => second.Select(b => a + " " + b))];
}
