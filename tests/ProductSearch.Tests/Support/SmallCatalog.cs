using System.Text.Json;

namespace ProductSearch.Tests.Support;

/// <summary>A small hand-written catalog for engine tests: a few products per theme, distinct enough to rank.</summary>
internal static class SmallCatalog
{
    public static readonly (string Id, string Title, string Brand, string Color)[] Products =
    [
        ("g1", "Lumora Girls' White Canvas Sneakers, Little Kid", "Lumora", "White"),
        ("g2", "Petalstep Girls' White Mary Jane Dress Shoes", "Petalstep", "White"),
        ("g3", "Lumora Girls' Pink Light-Up Sneakers", "Lumora", "Pink"),
        ("g4", "Trailwise Boys' Black Hiking Boots", "Trailwise", "Black"),
        ("g5", "Aria Women's White Leather Sneakers", "Aria", "White"),
        ("p1", "7Edge Peacock Feather Phone Case for iPhone 14", "7Edge", "Blue"),
        ("p2", "7Edge Marble Phone Case for Samsung Galaxy S23", "7Edge", "White"),
        ("p3", "Shieldly Clear Phone Case for Google Pixel 8", "Shieldly", "Clear"),
        ("k1", "Homely Kitchen Tea Towels, Flour Sack, 6 Pack", "Homely", "White"),
        ("k2", "Homely Cotton Dish Cloths, 12 Pack", "Homely", "Gray"),
        ("k3", "Chefwell Stainless Steel Saucepan, 2 Quart", "Chefwell", "Silver"),
        ("b1", "Saddlecraft 1 3/4 Inch Tooled Leather Belt Strap, No Buckle", "Saddlecraft", "Brown"),
        ("b2", "Saddlecraft Men's Leather Belt with Silver Buckle", "Saddlecraft", "Black"),
        ("t1", "Forgeline Cordless Drill Driver, 20V", "Forgeline", "Yellow"),
        ("t2", "Forgeline Claw Hammer, 16 oz", "Forgeline", "Red"),
        ("y1", "Brickbay Building Blocks Set, 500 Pieces", "Brickbay", "Multicolor"),
        ("y2", "Plushpal Teddy Bear, 12 Inch", "Plushpal", "Brown"),
        ("f1", "Oakhaven Wooden Coffee Table", "Oakhaven", "Walnut"),
        ("f2", "Oakhaven Upholstered Dining Chair, Set of 2", "Oakhaven", "Beige"),
        ("s1", "Glowkin Vitamin C Face Serum, 1 oz", "Glowkin", "Clear"),
    ];

    public static string Write(string path, IEnumerable<string>? extraLines = null)
    {
        var lines = Products.Select(p => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["product_id"] = p.Id,
            ["product_title"] = p.Title,
            ["product_brand"] = p.Brand,
            ["product_color"] = p.Color,
            ["product_locale"] = "us",
            ["price"] = 19.99,
        })).Concat(extraLines ?? []);
        File.WriteAllLines(path, lines);
        return path;
    }
}
