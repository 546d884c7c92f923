namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// The words synthetic catalog titles are made of: product kinds as a marketplace lists them (a noun, the modifiers
/// and materials sellers put in front of it, who it is for, how it is sized), brands built from syllables, colours.
/// Kept in one place so the catalog and its queries share one vocabulary, as a shop's titles and its shoppers do.
/// </summary>
internal static class SyntheticVocabulary
{
    /// <summary>One kind of product.</summary>
    /// <param name="Category">Top-level category.</param>
    /// <param name="Nouns">What the product is; the head of the title.</param>
    /// <param name="Modifiers">Adjectives and features sellers stack before the noun.</param>
    /// <param name="Materials">What it is made of.</param>
    /// <param name="Extras">Phrases after the noun ("with Lid", "for Travel").</param>
    /// <param name="Sizes">Size labels; empty when the kind is not sized.</param>
    /// <param name="ForPeople">Whether titles name an audience (Women's, Boys', …).</param>
    public sealed record Kind(string Category, string[] Nouns, string[] Modifiers, string[] Materials, string[] Extras, string[] Sizes, bool ForPeople);

    public static readonly string[] Audiences = ["Women's", "Men's", "Girls'", "Boys'", "Kids", "Unisex", "Toddler", "Baby"];

    public static readonly string[] Colors =
    [
        "Black", "White", "Navy", "Grey", "Red", "Blue", "Pink", "Beige", "Brown", "Green", "Olive", "Burgundy", "Khaki",
        "Purple", "Teal", "Silver", "Gold", "Rose Gold", "Charcoal", "Ivory", "Yellow", "Orange", "Mint", "Lavender",
        "Turquoise", "Coral", "Tan", "Clear", "Multicolor", "Camo",
    ];

    public static readonly string[] BrandStarts =
    [
        "Ever", "Nor", "Vel", "Tru", "Kin", "Ash", "Bri", "Cor", "Del", "Fen", "Gla", "Hal", "Iro", "Jun", "Kal", "Lum",
        "Mar", "Nex", "Oak", "Pax", "Quin", "Riv", "Sol", "Tal", "Umb", "Vor", "Wil", "Zel", "Bel", "Cas",
    ];

    public static readonly string[] BrandEnds =
    [
        "a", "o", "en", "ix", "ara", "ell", "ion", "us", "ly", "wood", "stone", "field", "craft", "line", "wave", "peak",
        "nest", "form", "gear", "home",
    ];

    public static readonly string[] BrandSuffixes = ["", "", "", " Co", " Home", " Labs", " Outdoors", " Kids", " Studio", " Goods"];

    private static readonly string[] ClothingSizes = ["XS", "Small", "Medium", "Large", "X-Large", "XX-Large", "3X-Large"];
    private static readonly string[] ShoeSizes = ["5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "12", "13"];
    private static readonly string[] Fabrics = ["Cotton", "Polyester", "Linen", "Wool", "Fleece", "Denim", "Nylon", "Spandex", "Bamboo", "Satin"];

    public static readonly Kind[] Kinds =
    [
        new("Shoes", ["Running Shoes", "Sneakers", "Hiking Boots", "Sandals", "Slippers", "Loafers", "Rain Boots", "Ankle Boots", "Water Shoes", "Clogs"],
            ["Lightweight", "Waterproof", "Slip On", "Breathable", "Non Slip", "Memory Foam", "Wide Width", "Casual", "Athletic", "Walking", "Platform", "Comfort"],
            ["Leather", "Mesh", "Suede", "Canvas", "Rubber", "Knit"], ["for Walking", "with Arch Support", "for Gym", "for Travel"], ShoeSizes, true),
        new("Clothing", ["T-Shirt", "Hoodie", "Leggings", "Jeans", "Dress", "Pajama Set", "Cardigan", "Jacket", "Shorts", "Sweatpants", "Polo Shirt", "Tank Top"],
            ["Long Sleeve", "Short Sleeve", "Slim Fit", "Relaxed Fit", "High Waist", "Crew Neck", "V Neck", "Oversized", "Casual", "Quick Dry", "Warm", "Stretch"],
            Fabrics, ["with Pockets", "for Summer", "for Winter", "2 Pack", "3 Pack"], ClothingSizes, true),
        new("Kitchen", ["Coffee Mug", "Water Bottle", "Cutting Board", "Frying Pan", "Mixing Bowls", "Knife Set", "Food Storage Containers", "Spatula Set", "Dutch Oven", "Tea Kettle"],
            ["Nonstick", "Insulated", "Dishwasher Safe", "Leak Proof", "BPA Free", "Heavy Duty", "Stackable", "Microwave Safe", "Large", "Professional"],
            ["Stainless Steel", "Ceramic", "Glass", "Bamboo", "Cast Iron", "Silicone", "Wood", "Copper"], ["with Lid", "for Kitchen", "Set of 4", "Set of 6", "20 oz", "32 oz"], [], false),
        new("Home", ["Throw Pillow Covers", "Blackout Curtains", "Bath Towels", "Sheet Set", "Area Rug", "Wall Clock", "Table Lamp", "Picture Frame", "Storage Baskets", "Shower Curtain"],
            ["Decorative", "Soft", "Modern", "Farmhouse", "Boho", "Washable", "Thermal Insulated", "Luxury", "Non Slip", "Minimalist"],
            ["Cotton", "Velvet", "Linen", "Microfiber", "Jute", "Wood", "Metal"], ["for Living Room", "for Bedroom", "Queen Size", "King Size", "Set of 2", "18x18 Inch"], [], false),
        new("Electronics", ["Wireless Earbuds", "Phone Charger", "USB C Cable", "Bluetooth Speaker", "Power Bank", "Phone Case", "Screen Protector", "Laptop Stand", "Wireless Mouse", "HDMI Cable"],
            ["Fast Charging", "Portable", "Noise Cancelling", "Waterproof", "Rechargeable", "Magnetic", "Ergonomic", "Braided", "Slim", "Shockproof"],
            ["Aluminum", "Silicone", "Tempered Glass", "Nylon", "Plastic"], ["for iPhone", "for Samsung Galaxy", "6 ft", "10 ft", "2 Pack", "with Microphone"], [], false),
        new("Toys", ["Building Blocks", "Stuffed Animal", "Puzzle", "Remote Control Car", "Doll House", "Play Kitchen", "Board Game", "Art Set", "Toy Train Set", "Bath Toys"],
            ["Educational", "Wooden", "Magnetic", "Interactive", "Musical", "Soft", "Creative", "STEM", "Classic", "Mini"],
            ["Wood", "Plush", "Plastic", "Cardboard"], ["for Toddlers", "for Kids Ages 3+", "for Boys and Girls", "1000 Pieces", "Gift Set"], [], false),
        new("Beauty", ["Face Moisturizer", "Shampoo", "Hair Dryer", "Makeup Brush Set", "Nail Polish", "Lip Balm", "Face Serum", "Body Lotion", "Hair Straightener", "Sunscreen"],
            ["Hydrating", "Fragrance Free", "Organic", "Travel Size", "Professional", "Gentle", "Vegan", "Long Lasting", "Anti Frizz", "Lightweight"],
            ["Ceramic", "Vitamin C", "Hyaluronic Acid", "Argan Oil", "Shea Butter"], ["for Dry Skin", "for Women", "for Men", "2 Pack", "8 oz", "SPF 50"], [], false),
        new("Sports", ["Yoga Mat", "Dumbbells", "Resistance Bands", "Jump Rope", "Foam Roller", "Camping Tent", "Sleeping Bag", "Hiking Backpack", "Bike Helmet", "Fishing Rod"],
            ["Non Slip", "Adjustable", "Lightweight", "Waterproof", "Extra Thick", "Portable", "Heavy Duty", "Foldable", "Professional", "Compact"],
            ["Neoprene", "Rubber", "Nylon", "Aluminum", "Steel", "Foam"], ["for Home Gym", "for Camping", "for Women", "for Men", "with Carrying Strap", "2 Person"], [], false),
        new("Tools", ["Cordless Drill", "Screwdriver Set", "Tape Measure", "Tool Box", "Work Gloves", "Flashlight", "Socket Set", "Utility Knife", "Stud Finder", "Extension Cord"],
            ["Heavy Duty", "Rechargeable", "Magnetic", "Compact", "Professional", "LED", "Waterproof", "Adjustable", "Precision", "Portable"],
            ["Steel", "Aluminum", "Chrome Vanadium", "Plastic", "Leather"], ["with Case", "20V", "25 ft", "Set of 12", "for Home Repair"], [], false),
        new("Pet Supplies", ["Dog Bed", "Cat Litter Box", "Dog Leash", "Pet Bowl", "Cat Tree", "Dog Toys", "Pet Carrier", "Dog Harness", "Cat Scratcher", "Pet Grooming Brush"],
            ["Orthopedic", "Washable", "No Pull", "Reflective", "Durable", "Calming", "Elevated", "Self Cleaning", "Interactive", "Portable"],
            ["Nylon", "Plush", "Stainless Steel", "Cardboard", "Rope"], ["for Small Dogs", "for Large Dogs", "for Cats", "for Puppies", "Large"], [], false),
        new("Jewelry", ["Necklace", "Earrings", "Bracelet", "Ring", "Anklet", "Pendant", "Watch", "Hoop Earrings", "Charm Bracelet", "Chain"],
            ["Dainty", "Hypoallergenic", "Adjustable", "Layered", "Minimalist", "Vintage", "Personalized", "Sparkly", "Classic", "Statement"],
            ["Sterling Silver", "14K Gold Plated", "Stainless Steel", "Pearl", "Cubic Zirconia", "Titanium"], ["for Women", "for Men", "for Girls", "Gift Box", "18 Inch"], [], false),
        new("Office", ["Notebook", "Gel Pens", "Desk Organizer", "Sticky Notes", "Office Chair", "Stapler", "File Folders", "Whiteboard", "Planner", "Highlighters"],
            ["Ergonomic", "Spiral", "Refillable", "Assorted Colors", "Magnetic", "Dry Erase", "Heavy Duty", "Compact", "Lined", "Undated"],
            ["Leather", "Mesh", "Metal", "Paper", "Plastic"], ["12 Pack", "24 Pack", "A5", "8.5 x 11", "for School", "for Office"], [], false),
        new("Baby", ["Baby Bottles", "Diaper Bag", "Swaddle Blankets", "Baby Monitor", "Teething Toys", "Bibs", "Crib Sheets", "Baby Carrier", "High Chair", "Stroller"],
            ["Anti Colic", "Organic", "Soft", "Adjustable", "Washable", "BPA Free", "Lightweight", "Foldable", "Breathable", "Waterproof"],
            ["Cotton", "Muslin", "Silicone", "Bamboo", "Glass"], ["for Newborn", "0-6 Months", "3 Pack", "for Boys", "for Girls"], [], false),
        new("Automotive", ["Car Phone Mount", "Seat Covers", "Floor Mats", "Dash Cam", "Tire Inflator", "Car Vacuum", "Jump Starter", "Windshield Sun Shade", "Trunk Organizer", "Steering Wheel Cover"],
            ["Universal", "All Weather", "Heavy Duty", "Portable", "Waterproof", "Foldable", "Magnetic", "Cordless", "Front and Rear", "Compact"],
            ["Leather", "Rubber", "Neoprene", "Polyester", "Aluminum"], ["for Cars", "for SUV", "for Trucks", "12V", "Set of 4"], [], false),
        new("Garden", ["Garden Hose", "Planter Pots", "Pruning Shears", "Solar Lights", "Bird Feeder", "Raised Garden Bed", "Watering Can", "Patio Umbrella", "Grow Lights", "Garden Gloves"],
            ["Expandable", "Outdoor", "Weather Resistant", "Solar Powered", "Decorative", "Heavy Duty", "Self Watering", "Adjustable", "Large", "Indoor"],
            ["Ceramic", "Galvanized Steel", "Cedar Wood", "Plastic", "Terracotta"], ["50 ft", "100 ft", "Set of 3", "for Indoor Plants", "for Patio"], [], false),
    ];
}
