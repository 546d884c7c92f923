namespace DemoCatalog.Generator;

/// <summary>Shoes, clothing, jewelry, belts and leather goods, bags.</summary>
internal static partial class CatalogDefinitions
{
    private const string Csj = "Clothing, Shoes & Jewelry";

    private static readonly string[] WomenShoeBrands = ["Everstep", "Marlowe & Finch", "Cloudmere", "Rivet Lane"];
    private static readonly string[] MenShoeBrands = ["Ironbark", "Harlow & Pike", "Trailvane", "Stepwell"];
    private static readonly string[] GirlsShoeBrands = ["Lumora", "Little Strider", "Pip & Posy", "Brightlane", "Meadowbrook"];
    private static readonly string[] BoysShoeBrands = ["Little Strider", "Brightlane", "Rookie Trail", "Tumbleweed Kids"];

    private static readonly string[] AdultShoeBullets =
    [
        "UPPER: Made with {type.2} that feels soft from the first wear and lets feet breathe.",
        "CUSHIONED COMFORT: A padded collar and removable memory foam insole absorb impact for all-day wear.",
        "FLEXIBLE SOLE: Lightweight rubber outsole with a grippy tread bends with your foot and resists slipping.",
        "FIT: Standard US sizing; this pair is {size:lc} in {color:lc}. If you are between sizes, order the half size up.",
        "VERSATILE STYLE: Easy to pair with jeans, chinos, dresses or shorts for work, travel and weekends.",
        "EASY CARE: Wipe clean with a damp cloth and mild soap; air dry away from direct heat.",
    ];

    private static readonly string[] KidsShoeBullets =
    [
        "KID-FRIENDLY UPPER: Made with {type.2} that is soft, breathable and easy to keep clean.",
        "EASY ON AND OFF: Designed so little ones can put their shoes on by themselves before school or play.",
        "CUSHIONED INSOLE: A padded, removable insole with gentle arch support keeps growing feet comfortable all day.",
        "NON-SLIP OUTSOLE: Flexible rubber sole with a textured tread grips playground, gym and classroom floors.",
        "SIZE: This pair is US {size}; kids' feet grow fast, so if in doubt choose the next half size up.",
        "EASY CARE: Spot clean with a damp cloth; air dry away from direct heat.",
    ];

    private static readonly string[] AdultClothingBullets =
    [
        "FABRIC: {type.2}; soft against the skin and comfortable through the day.",
        "FIT: {fit} fit; this listing is size {size} in {color:lc}. See the size chart for measurements.",
        "EVERYDAY STYLE: Easy to dress up or down for work, weekends, travel and lounging.",
        "EASY CARE: Machine wash cold with like colors, tumble dry low; colors stay bright wash after wash.",
        "THOUGHTFUL DETAILS: Reinforced seams and a tag-free neck label for lasting comfort.",
    ];

    private static readonly string[] KidsClothingBullets =
    [
        "SOFT FABRIC: {type.2} that is gentle on sensitive skin.",
        "ROOM TO PLAY: Comfortable, easy-moving fit for school, play dates and weekends; this listing is size {size}.",
        "EASY DRESSING: Simple to pull on and off, so kids can dress themselves.",
        "MACHINE WASHABLE: Wash cold and tumble dry low; fabric holds its shape and {color:lc} color wash after wash.",
        "GIFT READY: A favorite for birthdays, holidays and back to school.",
    ];

    private static IEnumerable<ProductKind> Apparel() =>
    [
        .. Shoes(),
        .. Clothing(),
        .. Jewelry(),
        .. BeltsAndLeather(),
        .. Bags(),
    ];

    private static IEnumerable<ProductKind> Shoes() =>
    [
        // ---- Women ----
        new ProductKind
        {
            Category = $"{Csj} > Women > Shoes",
            Weight = 55,
            PriceCents = (2499, 8999),
            Brands = WomenShoeBrands,
            Colors = ["White", "White", "White", "Black", "Gray", "Navy", "Blush Pink", "Beige", "White/Silver", "Light Blue", "Olive"],
            Slots =
            {
                ["type"] =
                [
                    "Canvas Sneakers Low Top Lace-Up Casual Shoes|canvas sneakers|a breathable cotton canvas upper",
                    "Slip-On Walking Shoes Lightweight Knit Sneakers|slip-on sneakers|a stretch knit upper",
                    "Platform Sneakers Leather Fashion Court Shoes|platform sneakers|a smooth vegan leather upper",
                    "Running Shoes Breathable Mesh Athletic Tennis Sneakers|running shoes|an engineered mesh upper",
                    "Memory Foam Walking Shoes Non Slip Work Sneakers|walking shoes|a padded mesh upper",
                    "Retro Suede Sneakers Low Top Trainers|retro sneakers|a soft suede and nylon upper",
                    "Leather Tennis Shoes Classic Court Sneakers|leather sneakers|a full grain leather upper",
                ],
                ["size"] = Vocabulary.WomenShoeSizes,
                ["extra"] = ["", "", "with Arch Support", "for Walking and Travel", "Comfortable Everyday Shoes"],
            },
            Titles =
            [
                "{brand} Women's {type} {extra}, {color}, {size}",
                "{brand} {type} for Women {extra}, {color}, {size}",
                "{brand} Womens {type}, {color}, US {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "The {brand} women's {type.1} combine {type.2} with a cushioned footbed for everyday comfort. Shown here in {color:lc}.",
                "Lightweight, flexible {type.1} for women, made for long days on your feet.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Women > Shoes",
            Weight = 50,
            PriceCents = (1999, 6999),
            Brands = WomenShoeBrands,
            Colors = ["Black", "Black", "Nude", "White", "White", "Tan", "Silver", "Gold", "Red", "Navy", "Leopard"],
            Slots =
            {
                ["type"] =
                [
                    "Flat Sandals Strappy Summer Slide Sandals|flat sandals|soft faux-leather straps",
                    "Platform Wedge Sandals Ankle Strap Espadrilles|wedge sandals|a braided jute wedge and adjustable ankle strap",
                    "Ballet Flats Pointed Toe Slip-On Dress Shoes|ballet flats|a flexible faux-leather upper",
                    "Block Heel Pumps Closed Toe Dress Shoes|block heel pumps|a stable 2.5 inch block heel",
                    "Penny Loafers Slip-On Flats|loafers|a classic penny-keeper strap",
                    "Mary Jane Flats Round Toe Strap Shoes|Mary Jane flats|an adjustable buckle strap",
                    "Strappy Heeled Sandals Open Toe Party Heels|heeled sandals|a padded 3 inch heel",
                ],
                ["size"] = Vocabulary.WomenShoeSizes,
                ["fit"] = ["", "", "Medium", "Wide"],
            },
            Titles =
            [
                "{brand} Women's {type}, {color}, {size} {fit}",
                "{brand} {type} for Women, {color}, {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "Dress them up or down: {brand} {type.1} in {color:lc} with {type.2} and a cushioned insole.",
                "Polished {type.1} for women that stay comfortable from the office to evening plans.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Women > Shoes",
            Weight = 30,
            PriceCents = (3999, 12999),
            Brands = WomenShoeBrands,
            Colors = ["Black", "Brown", "Tan", "Taupe", "Gray", "Cognac", "White", "Chestnut"],
            Slots =
            {
                ["type"] =
                [
                    "Chelsea Ankle Boots Elastic Side Booties|Chelsea boots|a water-resistant faux suede upper",
                    "Knee High Riding Boots Side Zip|riding boots|a smooth faux-leather shaft with a full-length zipper",
                    "Waterproof Winter Snow Boots Faux Fur Lined|snow boots|a waterproof shell and warm faux fur lining",
                    "Western Cowboy Boots Pointed Toe Embroidered|cowboy boots|an embroidered faux-leather shaft",
                    "Lace-Up Combat Boots Lug Sole|combat boots|a sturdy faux-leather upper",
                ],
                ["size"] = Vocabulary.WomenShoeSizes,
            },
            Titles =
            [
                "{brand} Women's {type}, {color}, {size}",
                "{brand} {type} for Women, {color}, US {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "{brand} {type.1} for women with {type.2} and a cushioned footbed for cold-weather days.",
                "Classic women's {type.1} in {color:lc}, easy to pair with jeans, leggings and dresses.",
            ],
        },

        // ---- Men ----
        new ProductKind
        {
            Category = $"{Csj} > Men > Shoes",
            Weight = 45,
            PriceCents = (2999, 9999),
            Brands = MenShoeBrands,
            Colors = ["Black", "White", "White", "Gray", "Navy", "Black/White", "All Black", "Charcoal", "Olive"],
            Slots =
            {
                ["type"] =
                [
                    "Running Shoes Lightweight Breathable Athletic Sneakers|running shoes|an engineered mesh upper",
                    "Walking Shoes Memory Foam Casual Sneakers|walking shoes|a padded knit upper",
                    "Leather Court Sneakers Low Top Fashion Shoes|court sneakers|a smooth full grain leather upper",
                    "Slip-On Canvas Loafers Casual Boat Shoes|canvas slip-ons|a washed cotton canvas upper",
                    "Trail Running Shoes Non Slip Hiking Sneakers|trail running shoes|a ripstop mesh upper with a rubber toe bumper",
                    "Cross Training Shoes Gym Workout Sneakers|training shoes|a supportive knit upper",
                ],
                ["size"] = Vocabulary.MenShoeSizes,
                ["fit"] = ["", "", "", "Wide"],
            },
            Titles =
            [
                "{brand} Men's {type}, {color}, {size} {fit}",
                "{brand} {type} for Men, {color}, {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "The {brand} men's {type.1} pair {type.2} with a responsive cushioned midsole.",
                "Everyday men's {type.1} in {color:lc}, light enough for the gym and comfortable enough for all-day wear.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Men > Shoes",
            Weight = 35,
            PriceCents = (3999, 12999),
            Brands = MenShoeBrands,
            Colors = ["Black", "Black", "Brown", "Dark Brown", "Cognac", "Burgundy", "Tan"],
            Slots =
            {
                ["type"] =
                [
                    "Oxford Dress Shoes Lace-Up Formal Shoes|oxford dress shoes|a polished genuine leather upper",
                    "Penny Loafers Slip-On Dress Shoes|penny loafers|a burnished leather upper",
                    "Wingtip Brogue Oxford Shoes|wingtip oxfords|a perforated leather upper",
                    "Plain Toe Derby Shoes Business Casual|derby shoes|a smooth leather upper",
                    "Suede Chukka Boots Desert Boots|chukka boots|a soft suede upper",
                ],
                ["size"] = Vocabulary.MenShoeSizes,
                ["fit"] = ["", "Medium", "Wide"],
            },
            Titles =
            [
                "{brand} Men's {type}, {color}, {size} {fit}",
                "{brand} {type} for Men, {color}, {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "{brand} men's {type.1} with {type.2}, a cushioned footbed and a slip-resistant sole.",
                "Sharp, comfortable {type.1} for the office, weddings and evenings out.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Men > Shoes",
            Weight = 40,
            PriceFrom = "type.3",
            Brands = MenShoeBrands,
            Colors = ["Brown", "Black", "Wheat", "Tan", "Dark Brown", "Gray", "Olive", "Navy"],
            Slots =
            {
                ["type"] =
                [
                    "Waterproof Work Boots Steel Toe Construction Boots|work boots|a waterproof leather upper and steel safety toe|80-150",
                    "Leather Chelsea Boots Slip-On Ankle Boots|Chelsea boots|an oiled leather upper|70-130",
                    "Waterproof Hiking Boots Mid Ankle Trekking Shoes|hiking boots|a waterproof suede and mesh upper|70-140",
                    "Western Cowboy Boots Square Toe|cowboy boots|a stitched leather shaft|90-160",
                    "Slide Sandals Cushioned Recovery Slides|slide sandals|a one-piece cushioned foam footbed|20-40",
                    "Moccasin Slippers Faux Fur Lined House Shoes|moccasin slippers|a suede upper and plush faux fur lining|25-45",
                    "Sport Sandals Hiking Water Sandals|sport sandals|quick-dry adjustable webbing straps|30-55",
                ],
                ["size"] = Vocabulary.MenShoeSizes,
            },
            Titles =
            [
                "{brand} Men's {type}, {color}, {size}",
                "{brand} {type} for Men, {color}, US {size}",
            ],
            Bullets = AdultShoeBullets,
            Descriptions =
            [
                "Built for the outdoors and the everyday: {brand} men's {type.1} with {type.2}.",
                "{brand} {type.1} for men in {color:lc}, with a supportive footbed and durable rubber outsole.",
            ],
        },

        // ---- Girls (deliberately deep: sneakers, Mary Janes, dress shoes, sandals, light-up shoes, boots) ----
        new ProductKind
        {
            Category = $"{Csj} > Girls > Shoes",
            Weight = 38,
            PriceCents = (1699, 4999),
            Brands = GirlsShoeBrands,
            Colors = ["White", "White", "White", "White", "White", "White", "White/Pink", "Pink", "Silver", "Black", "Navy", "Lavender", "Light Pink", "Gold", "Red"],
            Slots =
            {
                ["type"] =
                [
                    "Canvas Sneakers Lace-Up Low Top Casual Shoes|canvas sneakers|a cotton canvas upper",
                    "Slip-On Canvas Sneakers Elastic Casual Shoes|slip-on sneakers|a canvas upper with stretchy side gores",
                    "Hook and Loop Sneakers Lightweight Running Shoes|running shoes|a breathable knit mesh upper",
                    "Knit Tennis Shoes Breathable Athletic Sneakers|tennis shoes|a stretch knit upper",
                    "High Top Canvas Sneakers Side Zipper Shoes|high top sneakers|a canvas upper with an easy side zipper",
                    "Glitter Sneakers Sparkly Low Top Shoes|glitter sneakers|a glitter-coated upper",
                    "Platform Sneakers Faux Leather Court Shoes|platform sneakers|a smooth faux-leather upper",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Girls' {type}, {color}, {size}",
                "{brand} Girls {type} for Kids, {color}, {size}",
                "{brand} Kids Girls' {type} - {color}, {size}",
            ],
            Bullets = KidsShoeBullets,
            Descriptions =
            [
                "{brand} girls' {type.1} in {color:lc}, with {type.2} and a cushioned, non-slip sole for everyday play.",
                "Comfortable {color:lc} {type.1} for girls that go from the classroom to the playground.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Girls > Shoes",
            Weight = 40,
            PriceCents = (1799, 4599),
            Brands = GirlsShoeBrands,
            Colors = ["White", "White", "White", "White", "White", "Ivory", "Black", "Black Patent", "Pink", "Silver Glitter", "Gold", "Champagne", "Navy", "Red"],
            Slots =
            {
                ["type"] =
                [
                    "Mary Jane Shoes Ballet Flats Hook and Loop Strap|Mary Jane shoes|a soft faux-leather upper and hook-and-loop strap",
                    "Dress Shoes Bow Mary Jane Flats for Party Wedding School|dress shoes|a faux-leather upper with a satin bow",
                    "Glitter Mary Jane Flats Princess Shoes|glitter Mary Janes|a sparkly glitter upper",
                    "Patent Leather Mary Janes School Uniform Shoes|Mary Janes|a glossy patent faux-leather upper",
                    "Low Heel Dress Pumps Flower Girl Shoes|flower girl shoes|a satin upper with a low 1 inch heel",
                    "Ballet Flats Slip-On Dress Shoes|ballet flats|a flexible faux-leather upper",
                    "Pearl Strap Mary Jane Dress Shoes|pearl strap Mary Janes|a faux-leather upper with a faux pearl strap",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
                ["occasion"] = ["", "", "for Wedding, Party, First Communion", "for School Uniform", "for Flower Girl"],
            },
            Titles =
            [
                "{brand} Girls' {type} {occasion}, {color}, {size}",
                "{brand} Girls {type}, {color}, {size}",
                "{brand} Toddler Little Kid Girls' {type}, {color}, {size}",
            ],
            Bullets =
            [
                "PRETTY AND POLISHED: {type.2} makes these {type.1} perfect for weddings, parties, holidays, school and church.",
                "SECURE FIT: An adjustable strap keeps shoes in place for dancing, twirling and walking down the aisle.",
                "CUSHIONED INSOLE: Padded insole and lined interior keep little feet comfortable from ceremony to reception.",
                "NON-SLIP SOLE: Flexible rubber outsole with textured tread for steady steps on smooth floors.",
                "SIZE: This pair is US {size} in {color:lc}; we recommend ordering your child's usual shoe size.",
            ],
            Descriptions =
            [
                "Classic {color:lc} {type.1} for girls, ready for flower girl duty, parties and school days.",
                "{brand} girls' {type.1} with {type.2} and a cushioned insole. A sweet finishing touch for dresses and uniforms.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Girls > Shoes",
            Weight = 22,
            PriceCents = (1299, 3999),
            Brands = GirlsShoeBrands,
            Colors = ["White", "White", "White", "White", "Pink", "Silver", "Gold", "Navy", "Purple", "Multicolor", "Aqua"],
            Slots =
            {
                ["type"] =
                [
                    "Open Toe Flat Sandals Summer Beach Sandals|flat sandals|soft faux-leather straps",
                    "Sport Sandals Water Hiking Sandals Closed Toe|sport sandals|quick-dry straps and a protective toe bumper",
                    "Jelly Sandals Fisherman Sandals|jelly sandals|soft, waterproof jelly",
                    "Bow Dress Sandals Flower Girl Sandals|dress sandals|a faux-leather upper with a bow accent",
                    "Gladiator Sandals Strappy Flats|gladiator sandals|strappy faux-leather bands",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Girls' {type}, {color}, {size}",
                "{brand} Girls {type} for Toddler Little Kid Big Kid, {color}, {size}",
            ],
            Bullets = KidsShoeBullets,
            Descriptions =
            [
                "Warm-weather {type.1} for girls with {type.2} and an adjustable hook-and-loop closure.",
                "{brand} girls' {type.1} in {color:lc}: easy on, comfortable and ready for the beach, park and parties.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Girls > Shoes",
            Weight = 20,
            PriceCents = (1999, 4499),
            Brands = GirlsShoeBrands,
            Colors = ["White", "White", "White", "White", "White/Pink", "Pink", "Silver", "Black", "Rainbow", "Purple"],
            Slots =
            {
                ["type"] =
                [
                    "Light Up Shoes LED Flashing Sneakers|light-up sneakers|a breathable mesh upper",
                    "Light Up High Top Sneakers USB Rechargeable LED Shoes|rechargeable light-up high tops|a faux-leather high top upper",
                    "Unicorn Light Up Shoes Glitter LED Sneakers|unicorn light-up shoes|a glitter upper with unicorn details",
                    "Light Up Slip-On Sneakers Flashing Shoes|light-up slip-ons|a stretch knit upper",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Girls' {type}, {color}, {size}",
                "{brand} Kids Girls {type}, {color}, {size}",
            ],
            Bullets =
            [
                "LIGHTS WITH EVERY STEP: Colorful LED lights in the sole flash as kids walk, run and jump.",
                "LONG-LASTING: Rechargeable or sealed lights last for months of play; an on/off button saves power at school.",
                "COMFORTABLE UPPER: Made with {type.2} that keeps little feet cool.",
                "EASY ON AND OFF: Hook-and-loop strap or elastic laces so kids can dress themselves.",
                "SIZE: This pair is US {size} in {color:lc}. Wipe clean only; do not machine wash.",
            ],
            Descriptions =
            [
                "{brand} girls' {type.1} light up with every step, in {color:lc} with a cushioned, non-slip sole.",
                "Fun {type.1} for girls that make birthdays, playdates and evening walks a little brighter.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Girls > Shoes",
            Weight = 16,
            PriceCents = (2199, 5999),
            Brands = GirlsShoeBrands,
            Colors = ["Pink", "Black", "White", "Brown", "Purple", "Tan", "Gray"],
            Slots =
            {
                ["type"] =
                [
                    "Winter Snow Boots Waterproof Faux Fur Lined|snow boots|a waterproof shell and warm faux fur lining",
                    "Rain Boots Waterproof Rubber Boots with Easy-On Handles|rain boots|natural rubber",
                    "Ankle Boots Side Zipper Faux Suede Booties|ankle boots|a faux suede upper",
                    "Western Cowgirl Boots Embroidered|cowgirl boots|an embroidered faux-leather shaft",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Girls' {type}, {color}, {size}",
                "{brand} Girls {type} for Kids, {color}, {size}",
            ],
            Bullets = KidsShoeBullets,
            Descriptions =
            [
                "{brand} girls' {type.1} made with {type.2} to keep feet dry and comfortable.",
                "Cold or wet weather is no match for these {color:lc} {type.1} for girls.",
            ],
        },

        // ---- Boys ----
        new ProductKind
        {
            Category = $"{Csj} > Boys > Shoes",
            Weight = 40,
            PriceCents = (1799, 5499),
            Brands = BoysShoeBrands,
            Colors = ["Black", "Navy", "Gray", "Blue", "White", "White", "Red", "Black/Red", "Green", "Black/Lime"],
            Slots =
            {
                ["type"] =
                [
                    "Running Shoes Hook and Loop Lightweight Sneakers|running shoes|a breathable mesh upper",
                    "High Top Basketball Shoes Athletic Sneakers|basketball shoes|a supportive synthetic upper",
                    "Canvas Sneakers Lace-Up Low Top Casual Shoes|canvas sneakers|a cotton canvas upper",
                    "Slip-On Sneakers Elastic Lace Tennis Shoes|slip-on sneakers|a stretch knit upper",
                    "Light Up Shoes LED Flashing Sneakers|light-up sneakers|a breathable mesh upper",
                    "Skate Shoes Suede Low Top Sneakers|skate shoes|a durable suede upper",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Boys' {type}, {color}, {size}",
                "{brand} Boys {type} for Kids, {color}, {size}",
            ],
            Bullets = KidsShoeBullets,
            Descriptions =
            [
                "{brand} boys' {type.1} in {color:lc} with {type.2} and a grippy rubber outsole.",
                "Tough, comfortable {type.1} for boys who never stop moving.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Boys > Shoes",
            Weight = 35,
            PriceFrom = "type.3",
            Brands = BoysShoeBrands,
            Colors = ["Black", "Brown", "Navy", "Gray", "Blue", "Camo", "Tan", "Black"],
            Slots =
            {
                ["type"] =
                [
                    "Water Shoes Quick Dry Aqua Socks|water shoes|a quick-dry stretch mesh upper|12-20",
                    "Sport Sandals Closed Toe Hiking Sandals|sport sandals|quick-dry straps and a protective toe bumper|18-32",
                    "Winter Snow Boots Waterproof Insulated|snow boots|a waterproof shell and insulated lining|30-55",
                    "Rain Boots Waterproof Rubber Boots|rain boots|natural rubber|20-35",
                    "Hiking Boots Waterproof Lace-Up Trail Boots|hiking boots|a water-resistant suede and mesh upper|35-60",
                    "Dress Shoes Oxford Lace-Up Formal Shoes|dress shoes|a polished faux-leather upper|28-45",
                ],
                ["size"] = Vocabulary.KidsShoeSizes,
            },
            Titles =
            [
                "{brand} Boys' {type}, {color}, {size}",
                "{brand} Boys {type} for Toddler Little Kid Big Kid, {color}, {size}",
            ],
            Bullets = KidsShoeBullets,
            Descriptions =
            [
                "{brand} boys' {type.1} with {type.2}, built for puddles, trails and everyday adventures.",
                "Durable {color:lc} {type.1} for boys with a cushioned footbed and non-slip sole.",
            ],
        },

        // ---- Baby ----
        new ProductKind
        {
            Category = $"{Csj} > Baby > Shoes",
            Weight = 50,
            PriceCents = (999, 2999),
            Brands = ["Tiny Tandem", "Pip & Posy", "Cradle Cove", "Little Strider"],
            Colors = ["White", "White", "Pink", "Navy", "Gray", "Brown", "Light Blue", "Ivory", "Gold"],
            Slots =
            {
                ["type"] =
                [
                    "Baby Girls' Mary Jane Soft Sole Crib Shoes|crib shoes|a soft faux-leather upper",
                    "Baby Boys' Sneakers Soft Sole First Walker Shoes|first walker shoes|a breathable canvas upper",
                    "Unisex Baby Soft Leather Moccasins Crib Shoes|moccasins|genuine soft leather",
                    "Baby Non-Slip Sock Shoes First Walkers|sock shoes|a stretch knit upper",
                    "Baby Girls' Bow Sandals Infant Summer Shoes|baby sandals|soft faux-leather straps",
                    "Unisex Baby High Top Sneakers Prewalker Shoes|high top prewalkers|a cotton canvas upper",
                ],
                ["size"] = Vocabulary.BabyShoeSizes,
            },
            Titles =
            [
                "{brand} {type}, {color}, {size}",
                "{brand} {type} for Infant Toddler, {color}, {size}",
            ],
            Bullets =
            [
                "SOFT AND FLEXIBLE: Made with {type.2} and a flexible sole that lets tiny feet move naturally.",
                "NON-SLIP: Suede or rubber-dot sole gives grip for crawling, cruising and first steps.",
                "STAYS ON: Elastic ankle and hook-and-loop closure keep shoes on wriggling feet.",
                "SIZE: This pair is {size}; measure your baby's foot and allow a little room to grow.",
                "GIFT IDEA: A sweet addition to baby shower gifts, photos and first birthday outfits.",
            ],
            Descriptions =
            [
                "{brand} {type.1} in {color:lc}, soft enough for the crib and grippy enough for first steps.",
                "Lightweight baby {type.1} that protect tiny feet without restricting natural movement.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> Clothing() =>
    [
        // ---- Women ----
        new ProductKind
        {
            Category = $"{Csj} > Women > Clothing",
            Weight = 110,
            PriceFrom = "type.3",
            Brands = ["Marlowe & Finch", "Sable Row", "Juniper Lane", "Everyday Thread"],
            Colors = ["Black", "White", "Navy", "Heather Gray", "Sage Green", "Dusty Rose", "Burgundy", "Oatmeal", "Light Blue", "Mustard Yellow", "Cream"],
            Slots =
            {
                ["type"] =
                [
                    "Short Sleeve Crew Neck T-Shirt Casual Basic Tee|t-shirt|A cotton-modal blend jersey|12-25",
                    "V Neck Tank Top Sleeveless Summer Shirt|tank top|A lightweight rayon-spandex knit|10-22",
                    "Long Sleeve Henley Top Button Placket Tunic|henley top|A soft waffle knit|18-32",
                    "Linen Button Down Shirt Long Sleeve Blouse|button down shirt|A breathable linen-cotton blend|22-38",
                    "Summer Maxi Dress Flowy Tiered Sundress|maxi dress|A lightweight, flowy rayon|28-48",
                    "Wrap Midi Dress V Neck Short Sleeve|wrap dress|A silky, drapey crepe|30-50",
                    "Casual T-Shirt Dress Swing Dress with Pockets|t-shirt dress|A soft stretch jersey|22-36",
                    "Oversized Cable Knit Cardigan Open Front Sweater|cardigan|A cozy acrylic-wool blend knit|30-50",
                    "Crewneck Pullover Sweater Ribbed Knit|pullover sweater|A soft ribbed cotton-blend knit|28-45",
                    "High Waisted Leggings Buttery Soft Yoga Pants|leggings|A buttery-soft four-way stretch fabric|15-28",
                    "Wide Leg Palazzo Pants with Pockets|palazzo pants|A breezy crepe fabric|22-36",
                    "Jogger Sweatpants with Pockets Lounge Pants|joggers|A brushed French terry|20-35",
                    "Lightweight Quilted Puffer Jacket Packable|puffer jacket|A water-resistant shell with light synthetic fill|45-80",
                    "Hooded Rain Jacket Waterproof Windbreaker|rain jacket|A waterproof, breathable nylon shell|40-70",
                    "Full Zip Fleece Jacket with Pockets|fleece jacket|A warm anti-pill polar fleece|30-50",
                ],
                ["size"] = Vocabulary.WomenClothingSizes,
                ["fit"] = ["Relaxed", "Regular", "Slim", "Flowy", "Classic"],
            },
            Titles =
            [
                "{brand} Women's {type}, {color}, {size}",
                "{brand} {type} for Women, {color}, Size {size}",
            ],
            Bullets = AdultClothingBullets,
            Descriptions =
            [
                "An easy wardrobe staple: the {brand} women's {type.1} in {color:lc}.",
                "{brand} women's {type.1}. {type.2} with a flattering {fit:lc} fit.",
            ],
        },

        // ---- Men ----
        new ProductKind
        {
            Category = $"{Csj} > Men > Clothing",
            Weight = 90,
            PriceFrom = "type.3",
            Brands = ["Harlow & Pike", "Northfold", "Grainline Co.", "Everyday Thread"],
            Colors = ["Black", "White", "Navy", "Heather Gray", "Charcoal", "Olive", "Khaki", "Burgundy", "Light Blue", "Forest Green", "Red"],
            Slots =
            {
                ["type"] =
                [
                    "Short Sleeve Crew Neck Cotton T-Shirt|t-shirt|A midweight combed cotton jersey|12-24",
                    "Performance Polo Shirt Moisture Wicking Golf Shirt|polo shirt|A moisture-wicking polyester pique|18-32",
                    "Long Sleeve Flannel Shirt Button Down Plaid|flannel shirt|A brushed cotton flannel|24-40",
                    "Slim Fit Dress Shirt Wrinkle Free Long Sleeve|dress shirt|A wrinkle-resistant cotton poplin|25-40",
                    "Pullover Hoodie Fleece Hooded Sweatshirt|hoodie|A warm cotton-poly fleece|25-45",
                    "Quarter Zip Pullover Lightweight Sweater|quarter zip pullover|A soft cotton-blend knit|28-45",
                    "Stretch Chino Pants Flat Front|chino pants|A stretch cotton twill|28-45",
                    "Jogger Sweatpants with Zipper Pockets|joggers|A brushed French terry|22-38",
                    "Cargo Shorts Relaxed Fit with Pockets|cargo shorts|A durable cotton ripstop|20-35",
                    "Athletic Shorts Quick Dry 7 Inch Gym Shorts|athletic shorts|A quick-dry stretch woven fabric|14-26",
                    "Water Resistant Softshell Jacket Fleece Lined|softshell jacket|A water-resistant softshell with fleece lining|45-80",
                    "Puffer Vest Lightweight Packable|puffer vest|A water-resistant shell with light synthetic fill|35-60",
                ],
                ["size"] = Vocabulary.MenClothingSizes,
                ["fit"] = ["Regular", "Athletic", "Relaxed", "Slim", "Classic"],
            },
            Titles =
            [
                "{brand} Men's {type}, {color}, {size}",
                "{brand} {type} for Men, {color}, Size {size}",
            ],
            Bullets = AdultClothingBullets,
            Descriptions =
            [
                "{brand} men's {type.1} in {color:lc}, a go-to for work, weekends and everything between.",
                "A dependable men's {type.1}. {type.2} in a {fit:lc} fit.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Men > Clothing",
            Weight = 25,
            PriceCents = (2499, 6999),
            Brands = ["Grainline Co.", "Northfold", "Ironbark"],
            Colors = ["Light Wash", "Medium Wash", "Dark Wash", "Rinse", "Black", "Gray Wash", "Vintage Blue"],
            Slots =
            {
                ["type"] =
                [
                    "Straight Fit Stretch Jeans Classic 5-Pocket Denim|straight fit jeans|A 12 oz stretch cotton denim",
                    "Slim Fit Jeans Tapered Leg Stretch Denim|slim fit jeans|A soft stretch denim",
                    "Relaxed Fit Carpenter Jeans Work Denim|carpenter jeans|A heavyweight rigid denim",
                    "Bootcut Jeans Regular Fit|bootcut jeans|A durable cotton denim",
                ],
                ["size"] = Vocabulary.MenPantSizes,
                ["fit"] = ["Straight", "Slim", "Relaxed", "Regular"],
            },
            Titles =
            [
                "{brand} Men's {type}, {color}, {size}",
                "{brand} {type} for Men, {color}, {size}",
            ],
            Bullets =
            [
                "DENIM: {type.2} that breaks in beautifully and keeps its shape.",
                "FIT: {fit} fit through the seat and thigh; this pair is {size}.",
                "CLASSIC DETAILS: Five-pocket styling, zip fly and a sturdy shank button.",
                "EASY CARE: Machine wash cold inside out to keep the {color:lc} color rich.",
                "EVERYDAY WEAR: Built for work days, weekends and everything in between.",
            ],
            Descriptions =
            [
                "{brand} men's {type.1} in a {color:lc} finish.",
                "Comfortable, durable {type.1} for men with a little stretch for easy movement.",
            ],
        },

        // ---- Girls ----
        new ProductKind
        {
            Category = $"{Csj} > Girls > Clothing",
            Weight = 75,
            PriceFrom = "type.3",
            Brands = ["Pip & Posy", "Meadowbrook", "Sunny Sprout", "Lumora"],
            Colors = ["Pink", "Lavender", "White", "Navy", "Red", "Mint Green", "Yellow", "Light Blue", "Coral", "Heather Gray"],
            Slots =
            {
                ["type"] =
                [
                    "Short Sleeve Twirl Dress Casual Skater Dress|twirl dress|A stretchy cotton-spandex jersey|14-24",
                    "Tutu Tulle Party Dress Sleeveless Princess Dress|tutu dress|A layered soft tulle skirt with a cotton bodice|18-32",
                    "Smocked Sundress Flutter Sleeve Summer Dress|sundress|A lightweight cotton poplin|16-28",
                    "Long Sleeve Skater Dress with Pockets|skater dress|A soft cotton-blend knit|15-26",
                    "2-Piece Outfit Set T-Shirt and Leggings|outfit set|A soft cotton-spandex knit|15-28",
                    "Leggings 3-Pack Stretch Cotton Pants|leggings|A stretchy cotton-spandex blend|12-22",
                    "Long Sleeve Graphic T-Shirt Crew Neck Top|graphic tee|A soft combed cotton|8-15",
                    "2-Piece Pajama Set Snug Fit Cotton Pajamas|pajama set|A snug-fitting 100% cotton rib knit|14-24",
                    "Zip Up Hoodie Fleece Sweatshirt|hoodie|A cozy brushed fleece|16-28",
                ],
                ["size"] = Vocabulary.KidsClothingSizes,
            },
            Titles =
            [
                "{brand} Girls' {type}, {color}, {size}",
                "{brand} Toddler and Little Girls {type}, {color}, {size}",
            ],
            Bullets = KidsClothingBullets,
            Descriptions =
            [
                "{brand} girls' {type.1} in {color:lc}, made for twirling, playing and dressing up.",
                "A comfy girls' {type.1}. {type.2} that lasts through playtime and the wash.",
            ],
        },

        // ---- Boys ----
        new ProductKind
        {
            Category = $"{Csj} > Boys > Clothing",
            Weight = 70,
            PriceFrom = "type.3",
            Brands = ["Rookie Trail", "Sunny Sprout", "Tumbleweed Kids", "Meadowbrook"],
            Colors = ["Navy", "Heather Gray", "Black", "Royal Blue", "Red", "Olive", "Camo", "Charcoal", "White", "Orange"],
            Slots =
            {
                ["type"] =
                [
                    "Short Sleeve Graphic T-Shirt Crew Neck Tee|graphic tee|A soft combed cotton jersey|8-15",
                    "Active Shorts Quick Dry Athletic Shorts|athletic shorts|A quick-dry, breathable mesh|10-18",
                    "Jogger Pants Fleece Sweatpants with Pockets|joggers|A brushed fleece|12-22",
                    "Pullover Hoodie Fleece Hooded Sweatshirt|hoodie|A warm cotton-poly fleece|16-28",
                    "2-Piece Pajama Set Snug Fit Cotton Pajamas|pajama set|A snug-fitting 100% cotton knit|14-24",
                    "Long Sleeve Rash Guard Swim Shirt UPF 50+|rash guard|A quick-dry UPF 50+ stretch fabric|12-22",
                    "Pull-On Cargo Shorts Twill|cargo shorts|A durable cotton twill|12-22",
                    "T-Shirt 3-Pack Short Sleeve Tees|t-shirts|A soft, breathable cotton|14-24",
                ],
                ["size"] = Vocabulary.KidsClothingSizes,
            },
            Titles =
            [
                "{brand} Boys' {type}, {color}, {size}",
                "{brand} Toddler and Little Boys {type}, {color}, {size}",
            ],
            Bullets = KidsClothingBullets,
            Descriptions =
            [
                "{brand} boys' {type.1} in {color:lc}, tough enough for recess and soft enough for all day.",
                "Everyday boys' {type.1}. {type.2} built for climbing, running and the wash.",
            ],
        },

        // ---- Baby ----
        new ProductKind
        {
            Category = $"{Csj} > Baby > Clothing",
            Weight = 55,
            PriceFrom = "type.3",
            Brands = ["Cradle Cove", "Tiny Tandem", "Sunny Sprout"],
            Colors = ["White", "Ivory", "Pink", "Light Blue", "Sage Green", "Oatmeal", "Gray", "Yellow", "Multicolor"],
            Slots =
            {
                ["type"] =
                [
                    "Unisex Baby Short Sleeve Bodysuits, 5-Pack|bodysuits|Soft 100% cotton rib knit|12-24",
                    "Baby Girls' Long Sleeve Bodysuits, 4-Pack|bodysuits|Soft, breathable cotton|12-24",
                    "Baby Boys' Long Sleeve Bodysuits, 4-Pack|bodysuits|Soft, breathable cotton|12-24",
                    "Unisex Baby Zip Front Footed Sleeper Pajamas|footed sleeper|Snug-fitting cotton knit|10-20",
                    "Baby Girls' Ruffle Romper Sleeveless One Piece|romper|Lightweight cotton muslin|12-22",
                    "Unisex Baby Organic Cotton Pants, 3-Pack|pull-on pants|Stretchy organic cotton|12-22",
                    "Baby Boys' 3-Piece Outfit Set Bodysuit Pants and Hat|outfit set|Soft cotton knit|15-28",
                ],
                ["size"] = Vocabulary.BabyClothingSizes,
            },
            Titles =
            [
                "{brand} {type}, {color}, {size}",
            ],
            Bullets =
            [
                "GENTLE ON SKIN: {type.2} that feels gentle against a baby's delicate skin.",
                "EASY CHANGES: Nickel-free snaps or a two-way zipper make diaper changes quick.",
                "COMFORTABLE FIT: Roomy cut with stretch for wiggling, crawling and sleeping; this is size {size}.",
                "MACHINE WASHABLE: Wash warm and tumble dry low; pre-washed to limit shrinking.",
                "BABY SHOWER GIFT: A practical favorite for new parents.",
            ],
            Descriptions =
            [
                "{brand} baby {type.1} in {color:lc}, soft, simple and easy to layer.",
                "Everyday baby {type.1} designed for comfort and quick changes.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> Jewelry() =>
    [
        new ProductKind
        {
            Category = $"{Csj} > Women > Jewelry",
            Weight = 100,
            PriceCents = (999, 7999),
            Brands = ["Aurelle", "Nova & Thread", "Sienna Vale", "Glimmerly"],
            ColorFrom = "metal.1",
            Slots =
            {
                ["metal"] =
                [
                    "14K Gold Plated|Gold", "18K Gold Plated Stainless Steel|Gold", "925 Sterling Silver|Silver",
                    "Sterling Silver|Silver", "Stainless Steel|Silver", "18K Rose Gold Plated|Rose Gold",
                ],
                ["type"] =
                [
                    "Dainty Paperclip Chain Necklace|necklace|a lightweight paperclip chain with a lobster clasp|18 Inch",
                    "Initial Pendant Necklace Letter Charm|initial necklace|a polished letter charm on a fine cable chain|16 + 2 Inch Extender",
                    "Layered Choker Necklace Set|layered necklace set|three fine chains that layer without tangling|14-18 Inch",
                    "Huggie Hoop Earrings Small Cartilage Hoops|huggie hoop earrings|small, lightweight hoops with a secure hinged closure|12mm",
                    "Chunky Hoop Earrings Hypoallergenic|hoop earrings|hollow, lightweight hoops|30mm",
                    "Cubic Zirconia Stud Earrings Round Cut|stud earrings|brilliant-cut cubic zirconia stones|6mm",
                    "Pearl Drop Earrings Freshwater Pearl Dangle|pearl earrings|freshwater pearls on a polished drop|1.2 Inch",
                    "Tennis Bracelet Cubic Zirconia|tennis bracelet|a continuous line of cubic zirconia stones|7 Inch",
                    "Adjustable Cuff Bangle Bracelet|cuff bracelet|an open, adjustable cuff|Adjustable",
                    "Figaro Chain Anklet for Women|anklet|a classic figaro chain|9 + 2 Inch Extender",
                    "Stackable Band Ring Set|stackable rings|slim bands that stack together|Size 7",
                    "Cubic Zirconia Promise Ring Solitaire|solitaire ring|a single round cubic zirconia stone|Size 6",
                ],
            },
            Titles =
            [
                "{brand} {metal} {type} for Women, {type.3}, {color}",
                "{brand} {type} {metal} Jewelry Gifts for Women, {color}",
            ],
            Bullets =
            [
                "MATERIAL: {metal} with {type.2}; nickel-free and lead-free for sensitive skin.",
                "SIZE: {type.3}. Comfortable for everyday wear and easy to layer.",
                "TARNISH RESISTANT: Keep away from perfume, lotion and water to keep the {color:lc} finish bright.",
                "GIFT READY: Arrives in a gift box, ready for birthdays, anniversaries, holidays and Mother's Day.",
                "CARE: Polish gently with a soft cloth and store in the pouch provided.",
            ],
            Descriptions =
            [
                "A {color:lc} {type.1} from {brand}: {type.2}, made for everyday wear.",
                "Minimal, modern {type.1} in {metal:lc}. Wear it alone or layered.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> BeltsAndLeather()
    {
        string[] leatherBrands = ["Hollowell Leather Co.", "Tanner Creek Leatherworks", "Red Mesa Saddlery", "Brigham & Sons"];
        string[] beltColors = ["Brown", "Brown", "Dark Brown", "Black", "Tan", "Natural", "Chestnut", "Mahogany"];
        string[] patterns =
        [
            "Tooled Western Floral|hand-tooled western floral",
            "Tooled Oak Leaf|tooled oak leaf and acorn",
            "Tooled Basketweave|tooled basket weave",
            "Embossed Floral Scroll|embossed floral scroll",
            "Embossed Basketweave|embossed basket weave",
            "Embossed Paisley|embossed paisley",
            "Tooled Floral Vine|hand-tooled floral vine",
            "Tooled Western Scroll|hand-tooled western scroll",
            "Tooled Sunflower|hand-tooled sunflower",
            "Plain Smooth|plain, smooth",
        ];
        string[] widths =
        [
            "1 1/4\"|1 1/4 inch (32 mm)", "1 1/4 Inch|1 1/4 inch (32 mm)",
            "1 1/2\"|1 1/2 inch (38 mm)", "1 1/2 Inch|1 1/2 inch (38 mm)",
            "1 3/4\"|1 3/4 inch (44 mm)", "1 3/4 Inch|1 3/4 inch (44 mm)",
            "1 3/4\"|1 3/4 inch (44 mm)", "1 3/4 Inch|1 3/4 inch (44 mm)", // the most common western width
        ];

        return
        [
            new ProductKind
            {
                Category = $"{Csj} > Men > Accessories > Belts",
                Weight = 55,
                PriceCents = (1999, 5999),
                Brands = leatherBrands,
                Colors = beltColors,
                Slots =
                {
                    ["pattern"] = patterns,
                    ["width"] = widths,
                    ["size"] = Vocabulary.BeltSizes,
                },
                Titles =
                [
                    "{brand} Full Grain Leather Belt Strap Without Buckle, {width} Wide {pattern} Replacement Strap, {color}, {size}",
                    "{brand} {pattern} Leather Belt Strap, No Buckle, {width} Wide Snap-On Replacement Strap for Men, {color}, {size}",
                    "{brand} Replacement Belt Strap No Buckle - {width} {pattern} Genuine Leather Belt Blank with Snaps, {color}, {size}",
                    "{brand} Men's {width} {pattern} Leather Belt Without Buckle, Interchangeable Strap, {color}, {size}",
                ],
                Bullets =
                [
                    "STRAP ONLY, NO BUCKLE: Sold without a belt buckle; two snaps let you attach your own western, trophy or plate buckle in seconds.",
                    "WIDTH: {width.1} wide; fits standard buckles made for a {width.1} strap.",
                    "PATTERN: {pattern.1} design pressed into one piece of full grain cowhide, finished with hand-burnished edges.",
                    "SIZING: Order your pant waist size plus 2; this strap is {size:lc} with five adjustment holes.",
                    "BUILT TO LAST: Thick 8-9 oz leather in {color:lc} that softens and darkens with age.",
                ],
                Descriptions =
                [
                    "A {width.1} {pattern.1} leather belt strap without a buckle, ready for the buckle you already own.",
                    "{brand} replacement belt strap in {color:lc} full grain leather. Snap-on design, no buckle included.",
                ],
            },
            new ProductKind
            {
                Category = $"{Csj} > Men > Accessories > Belts",
                Weight = 40,
                PriceCents = (1999, 6999),
                Brands = [.. leatherBrands, "Harlow & Pike"],
                Colors = beltColors,
                Slots =
                {
                    ["pattern"] = patterns,
                    ["width"] = widths,
                    ["size"] = Vocabulary.BeltSizes,
                    ["buckle"] =
                    [
                        "with Removable Silver Buckle|a removable antiqued silver buckle",
                        "with Brass Roller Buckle|a solid brass roller buckle",
                        "with Western Buckle|an engraved western buckle",
                        "with Nickel Buckle|a brushed nickel buckle",
                        "with Automatic Ratchet Buckle|an automatic ratchet buckle",
                    ],
                },
                Titles =
                [
                    "{brand} Men's {pattern} Leather Belt {buckle}, {width} Wide Western Belt, {color}, {size}",
                    "{brand} Genuine Leather Belt for Men {buckle}, {width} {pattern} Casual Jeans Belt, {color}, {size}",
                ],
                Bullets =
                [
                    "COMPLETE BELT: Comes with {buckle.1}, attached with snaps so it can be swapped later.",
                    "WIDTH: {width.1} wide; made for jeans and work pants with standard belt loops.",
                    "PATTERN: {pattern.1} design on full grain cowhide with burnished edges.",
                    "SIZING: Order your pant waist size plus 2; this belt is {size:lc}.",
                    "DURABLE: Thick leather in {color:lc} that ages to a rich patina.",
                ],
                Descriptions =
                [
                    "{brand} men's leather belt {buckle:lc}, {width.1} wide with a {pattern.1} finish.",
                    "A rugged everyday belt in {color:lc} full grain leather.",
                ],
            },
            new ProductKind
            {
                Category = $"{Csj} > Women > Accessories > Belts",
                Weight = 20,
                PriceCents = (1299, 3999),
                Brands = ["Sienna Vale", "Marlowe & Finch", "Hollowell Leather Co."],
                Colors = ["Black", "Brown", "Tan", "Camel", "White", "Red", "Cognac"],
                Slots =
                {
                    ["type"] =
                    [
                        "Skinny Leather Belt with Gold Buckle|skinny belt|a polished gold-tone buckle|3/4 inch",
                        "Leather Belt for Jeans with Silver Buckle|jeans belt|a brushed silver-tone buckle|1 1/4 inch",
                        "Wide Waist Belt for Dresses Elastic Stretch|waist belt|an interlocking metal buckle|2 inch",
                        "Western Belt Embossed Leather with Concho Buckle|western belt|a decorative concho buckle|1 1/2 inch",
                    ],
                    ["size"] = ["Small", "Medium", "Large", "X-Large", "Plus Size"],
                },
                Titles =
                [
                    "{brand} Women's {type}, {color}, {size}",
                    "{brand} {type} for Women, {type.3} Wide, {color}, {size}",
                ],
                Bullets =
                [
                    "DESIGN: {type.3} wide with {type.2}.",
                    "MATERIAL: Genuine leather in {color:lc} with stitched edges.",
                    "SIZE: This belt is size {size}; see the size chart for waist measurements.",
                    "VERSATILE: Wear with jeans, dresses, coats and high-waisted trousers.",
                ],
                Descriptions =
                [
                    "{brand} women's {type.1} in {color:lc} leather.",
                    "A simple, elegant {type.1} that finishes any outfit.",
                ],
            },
            new ProductKind
            {
                Category = $"{Csj} > Men > Accessories > Wallets",
                Weight = 25,
                PriceCents = (1499, 4999),
                Brands = leatherBrands,
                Colors = ["Brown", "Black", "Tan", "Dark Brown", "Cognac"],
                Slots =
                {
                    ["type"] =
                    [
                        "RFID Blocking Bifold Wallet|bifold wallet|8 card slots, 2 bill compartments and an ID window",
                        "Slim Minimalist Front Pocket Wallet|front pocket wallet|4 card slots and a center cash pocket",
                        "Trifold Wallet with ID Window|trifold wallet|9 card slots and a flip-up ID window",
                        "Tooled Western Long Wallet with Chain|long wallet|a full-length bill pocket, zip coin pouch and detachable chain",
                        "Leather Card Holder Wallet|card holder|5 card pockets and a center pocket for folded bills",
                    ],
                },
                Titles =
                [
                    "{brand} Men's Full Grain Leather {type}, {color}",
                    "{brand} {type} for Men Genuine Leather, {color}",
                ],
                Bullets =
                [
                    "LAYOUT: {type.2}.",
                    "GENUINE LEATHER: Full grain cowhide in {color:lc} that softens and develops a patina.",
                    "RFID PROTECTION: Lining blocks unwanted scans of contactless cards.",
                    "GIFT BOX: Arrives boxed, ready for Father's Day, birthdays and holidays.",
                ],
                Descriptions =
                [
                    "A classic {type.1} from {brand} in {color:lc} full grain leather.",
                    "{brand} leather {type.1} with {type.2}.",
                ],
            },
        ];
    }

    private static IEnumerable<ProductKind> Bags() =>
    [
        new ProductKind
        {
            Category = $"{Csj} > Women > Handbags & Wallets",
            Weight = 40,
            PriceFrom = "type.3",
            Brands = ["Sienna Vale", "Marlowe & Finch", "Juniper Lane"],
            Colors = ["Black", "Brown", "Tan", "Cream", "Taupe", "Burgundy", "Olive", "Blush Pink"],
            Slots =
            {
                ["type"] =
                [
                    "Vegan Leather Tote Bag Large Shoulder Handbag|tote bag|a zip-top main compartment that fits a 14 inch laptop|30-60",
                    "Crossbody Bag Small Shoulder Purse with Adjustable Strap|crossbody bag|two zip pockets and an adjustable strap|20-45",
                    "Hobo Bag Slouchy Shoulder Purse|hobo bag|a roomy slouchy body with an inner zip pocket|30-55",
                    "Woven Straw Beach Tote Bag|straw tote|a woven straw body with a cotton lining|25-45",
                    "Belt Bag Fanny Pack for Women|belt bag|an adjustable strap you can wear at the waist or crossbody|15-28",
                    "Wristlet Wallet Clutch with Card Slots|wristlet wallet|12 card slots and a removable wrist strap|15-28",
                ],
            },
            Titles =
            [
                "{brand} Women's {type}, {color}",
                "{brand} {type} for Women, {color}",
            ],
            Bullets =
            [
                "ROOMY DESIGN: {type.2}.",
                "QUALITY MATERIALS: Durable, easy-to-clean exterior in {color:lc} with gold-tone hardware.",
                "ORGANIZED: Interior slip pockets keep phone, keys and cards easy to find.",
                "EVERYDAY CARRY: Goes from work to weekends to travel.",
            ],
            Descriptions =
            [
                "{brand} women's {type.1} in {color:lc}.",
                "An everyday {type.1} with {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Luggage & Travel Gear > Backpacks",
            Weight = 30,
            PriceFrom = "type.3",
            Brands = ["Trailvane", "Northfold", "Packwell"],
            Colors = ["Black", "Navy", "Gray", "Olive", "Burgundy", "Teal", "Pink", "Camo"],
            Slots =
            {
                ["type"] =
                [
                    "Travel Laptop Backpack Water Resistant with USB Charging Port|laptop backpack|a padded sleeve for laptops up to 15.6 inch|30-55",
                    "School Backpack for Kids Lightweight Bookbag|school backpack|a main compartment that fits binders and a lunch box|20-40",
                    "Hiking Daypack 30L Lightweight Packable|hiking daypack|a 30 liter capacity and side water bottle pockets|25-50",
                    "Anti-Theft Backpack Slim Business Commuter|commuter backpack|hidden zippers and a back-panel pocket|35-65",
                    "Mini Backpack Purse Casual Daypack|mini backpack|a compact body with an adjustable strap|20-35",
                ],
            },
            Titles =
            [
                "{brand} {type}, {color}",
                "{brand} {type} for Men and Women, {color}",
            ],
            Bullets =
            [
                "CAPACITY: {type.2}.",
                "DURABLE: Water-resistant polyester in {color:lc} with heavy-duty zippers.",
                "COMFORTABLE CARRY: Padded, breathable shoulder straps and back panel.",
                "ORGANIZED: Front pockets for pens, chargers, keys and snacks.",
            ],
            Descriptions =
            [
                "The {brand} {type.1} in {color:lc} keeps daily essentials organized.",
                "A dependable {type.1} with {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = $"{Csj} > Luggage & Travel Gear > Luggage",
            Weight = 20,
            PriceFrom = "type.3",
            Brands = ["Packwell", "Wayfarer & Co.", "Northfold"],
            Colors = ["Black", "Navy", "Silver", "Rose Gold", "Teal", "Gray", "Burgundy"],
            Slots =
            {
                ["type"] =
                [
                    "Hardside Carry-On Luggage with Spinner Wheels, 20 Inch|carry-on suitcase|a 20 inch hardside shell that fits most airline overhead bins|60-130",
                    "Checked Luggage Hardside Spinner Suitcase, 28 Inch|checked suitcase|a 28 inch expandable hardside shell|90-180",
                    "Weekender Duffel Bag with Shoe Compartment|duffel bag|a separate ventilated shoe compartment|30-60",
                    "Packing Cubes Set of 6 for Travel|packing cubes|six mesh-top cubes in three sizes|18-30",
                    "Rolling Underseat Carry-On Bag|underseat bag|a compact frame that fits under airline seats|40-80",
                ],
            },
            Titles =
            [
                "{brand} {type}, {color}",
            ],
            Bullets =
            [
                "SIZE: {type.2}.",
                "TRAVEL READY: Smooth zippers, sturdy handles and {color:lc} finish that hides scuffs.",
                "ORGANIZED PACKING: Interior compression straps and zip dividers keep clothes neat.",
                "WARRANTY: Backed by a 5-year limited warranty.",
            ],
            Descriptions =
            [
                "{brand} {type.1} in {color:lc}, built for weekend trips and long hauls.",
                "Travel lighter with the {brand} {type.1}.",
            ],
        },
    ];
}
