namespace DemoCatalog.Generator;

/// <summary>Kitchen (towels, dish cloths, utensils, cookware, storage), bedding, bath, home decor, furniture.</summary>
internal static partial class CatalogDefinitions
{
    private const string Kitchen = "Home & Kitchen > Kitchen & Dining";

    private static IEnumerable<ProductKind> Home() =>
    [
        .. KitchenLinens(),
        .. KitchenTools(),
        .. HomeFurnishings(),
    ];

    private static IEnumerable<ProductKind> KitchenLinens()
    {
        string[] linenBrands = ["Cottonwick", "Hearth & Loom", "Pantry Lane", "Meadow Mill"];
        return
        [
            new ProductKind
            {
                Category = $"{Kitchen} > Kitchen & Table Linens > Kitchen Towels",
                Weight = 40,
                PriceCents = (1299, 3499),
                Brands = linenBrands,
                ColorFrom = "type.2",
                Slots =
                {
                    ["type"] =
                    [
                        "Waffle Weave|waffle weave cotton that dries quickly|White;Gray;Navy;Sage Green;Charcoal;Beige;Terracotta",
                        "Terry Cloth|thick cotton terry loops that soak up spills|White;Gray;Navy;Sage Green;Charcoal;Beige;Terracotta",
                        "Herringbone|tightly woven herringbone cotton|White;Gray;Navy;Sage Green;Charcoal;Beige;Terracotta",
                        "Striped Farmhouse|yarn-dyed striped cotton|Blue/White Stripe;Red/White Stripe;Gray/White Stripe",
                        "Buffalo Check Plaid|yarn-dyed buffalo check cotton|Black/White Check;Red/Black Check;Gray/White Check",
                        "Printed Tea Towel|printed cotton with a smooth, lint-free weave|Lemon Print;Floral Print;Multicolor",
                    ],
                    ["pack"] = ["Set of 4", "Set of 6", "Set of 8", "Pack of 4", "Pack of 6", "12 Pack"],
                    ["dims"] = ["16 x 28 Inch", "18 x 28 Inch", "20 x 30 Inch", "18 x 26 Inch"],
                },
                Titles =
                [
                    "{brand} Kitchen Towels, {pack}, 100% Cotton {type} Dish Towels, {dims}, Absorbent Tea Towels, {color}",
                    "{brand} {type} Kitchen Dish Towels {pack}, {dims} Cotton Hand Towels for Kitchen, {color}",
                    "{brand} Cotton Tea Towels {pack} - {type} Kitchen Towels for Drying Dishes, {dims}, {color}",
                ],
                Bullets =
                [
                    "100% COTTON: {type.1}; absorbent from the first wash and softer with every wash.",
                    "GENEROUS SIZE: {dims:lc} towels with a hanging loop, {pack:lc}.",
                    "MULTI-PURPOSE: Dry dishes, glassware and hands, cover rising dough, or line a bread basket.",
                    "MACHINE WASHABLE: Wash warm with like colors and tumble dry low; the {color:lc} color will not bleed.",
                    "LOW LINT: Tight hems and pre-washed cotton leave glasses and stainless steel streak-free.",
                ],
                Descriptions =
                [
                    "{brand} {type:lc} kitchen towels in {color:lc}: absorbent, durable and pretty enough to leave out on the oven door.",
                    "Everyday cotton dish and tea towels for drying dishes, wiping counters and drying hands.",
                ],
            },
            new ProductKind
            {
                Category = $"{Kitchen} > Kitchen & Table Linens > Kitchen Towels",
                Weight = 32,
                PriceCents = (1199, 2999),
                Brands = linenBrands,
                Colors = ["White", "White", "White", "Natural", "Gray", "Assorted Colors"],
                Slots =
                {
                    ["pack"] = ["Set of 6", "Set of 10", "Set of 12", "Pack of 12", "24 Pack", "Set of 5"],
                    ["dims"] = ["28 x 28 Inch", "27 x 27 Inch", "30 x 30 Inch", "31 x 31 Inch"],
                    ["use"] =
                    [
                        "Embroidery Blanks", "Dish Drying Towels", "Multi-Purpose Kitchen Cloths",
                        "Baking and Sublimation Blanks", "Lint Free and Absorbent",
                    ],
                },
                Titles =
                [
                    "{brand} Flour Sack Towels, {pack}, 100% Cotton Kitchen T Towels, {dims}, {use}, {color}",
                    "{brand} Flour Sack Kitchen Towels {pack} - Cotton Tea Towels {dims}, {use}, {color}",
                    "{brand} Kitchen T-Towels, Flour Sack Dish Towels {pack}, {dims} Tea Towels, {use}, {color}",
                    "{brand} Cotton Flour Sack T Towels for Kitchen, {pack}, {dims}, {color}",
                ],
                Bullets =
                [
                    "CLASSIC FLOUR SACK: Lightweight, tightly woven ring-spun cotton; the traditional kitchen t towel.",
                    "LARGE {dims}: Big enough to wrap bread, cover dough, strain cheese or dry a full rack of dishes; {pack:lc}.",
                    "LINT FREE AND ABSORBENT: Leaves glasses and mirrors streak-free; gets softer and more absorbent with every wash.",
                    "CRAFT FRIENDLY: Smooth, flat weave is ideal for embroidery, screen printing, sublimation and tie-dye.",
                    "EASY CARE: Machine wash and dry; may shrink slightly on the first hot wash.",
                ],
                Descriptions =
                [
                    "{brand} {color:lc} flour sack towels, the versatile cotton kitchen t-towels that do everything from drying dishes to proofing bread.",
                    "Soft, absorbent flour sack tea towels in {color:lc}, {pack:lc}.",
                ],
            },
            new ProductKind
            {
                Category = $"{Kitchen} > Kitchen & Table Linens > Dish Cloths & Dish Towels",
                Weight = 30,
                PriceCents = (799, 2499),
                Brands = [.. linenBrands, "Scrubbly"],
                Colors = ["White", "Gray", "Multicolor", "Blue", "Green", "Yellow", "Assorted Colors", "Charcoal"],
                Slots =
                {
                    ["type"] =
                    [
                        "Cotton Waffle Weave Dish Cloths|cotton dish cloths|absorbent waffle weave cotton",
                        "Microfiber Cleaning Cloths|microfiber cloths|ultra-fine split microfiber",
                        "Swedish Dish Cloths Reusable Paper Towels|Swedish dishcloths|cellulose and cotton that holds 20 times its weight in water",
                        "Knitted Cotton Dishcloths Farmhouse|knitted dishcloths|soft knitted cotton",
                        "Scrub Dish Cloths Non-Scratch|scrubbing dish cloths|a textured scrubbing side and a soft side",
                    ],
                    ["pack"] = ["6 Pack", "8 Pack", "10 Pack", "12 Pack", "24 Pack"],
                    ["dims"] = ["12 x 12 Inch", "13 x 13 Inch", "10 x 10 Inch", "12 x 16 Inch"],
                },
                Titles =
                [
                    "{brand} {type}, {pack}, {dims} Dishcloths for Washing Dishes, {color}",
                    "{brand} Dish Cloths for Kitchen {pack} - {type}, {dims}, {color}",
                ],
                Bullets =
                [
                    "MATERIAL: Made of {type.2}.",
                    "VALUE PACK: {pack} of {dims:lc} cloths, enough to rotate through the week.",
                    "CLEANS WITHOUT SCRATCHING: Safe on dishes, nonstick pans, counters and stainless steel.",
                    "QUICK DRYING: Dries fast between uses to stay fresh; machine washable.",
                    "MULTI-USE: Wash dishes, wipe counters, clean the stovetop and dust around the house.",
                ],
                Descriptions =
                [
                    "{brand} {type.1} for everyday dishwashing and wiping, {pack:lc}.",
                    "Reusable {type.1} in {color:lc} that rinse clean and dry quickly.",
                ],
            },
        ];
    }

    private static IEnumerable<ProductKind> KitchenTools() =>
    [
        new ProductKind
        {
            Category = $"{Kitchen} > Kitchen Utensils & Gadgets",
            Weight = 70,
            PriceFrom = "type.4",
            Brands = ["Copperline Kitchen", "Hearthwell", "Mesa Verde Home", "Prepwise"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Silicone Cooking Utensils Set, 12 Piece, with Wooden Handles and Holder|utensil set|heat-resistant food-grade silicone heads up to 446°F|Black;Gray;Sage Green;Khaki;Red|20-45",
                    "Stainless Steel Kitchen Utensil Set, 15 Piece|utensil set|heavy-gauge 18/8 stainless steel|Stainless Steel;Silver|20-45",
                    "Silicone Spatula Set of 4, Heat Resistant Rubber Spatulas|spatulas|one-piece seamless silicone|Black;Gray;Red;Teal;Multicolor|10-18",
                    "Wooden Spoons for Cooking, 6 Piece Teak Utensils|wooden spoons|smooth, solid teak wood|Natural Wood|12-22",
                    "Stainless Steel Whisk Set of 3|whisks|sturdy stainless steel wires|Silver|8-15",
                    "Stainless Steel Kitchen Tongs Set, 9 and 12 Inch|kitchen tongs|stainless steel with silicone tips|Black;Red;Gray|10-18",
                    "Nylon Slotted Turner Spatula|turner|heat-resistant nylon safe on nonstick pans|Black|6-12",
                    "Measuring Cups and Spoons Set, 8 Piece|measuring cups and spoons|stainless steel with engraved measurements|Silver;Stainless Steel|10-20",
                    "Vegetable Peeler Y-Shaped Swivel Peeler, 2 Pack|vegetable peelers|razor-sharp stainless steel blades|Black;Red;Green|7-12",
                    "Garlic Press Stainless Steel Mincer|garlic press|heavy-duty stainless steel|Silver|10-18",
                    "Box Grater 4-Sided Cheese Grater|box grater|sharp stainless steel blades|Silver;Black|10-20",
                    "Can Opener Manual Smooth Edge|can opener|stainless steel cutting wheel|Black;Red;White|10-18",
                ],
                ["pitch"] = ["", "Kitchen Essentials", "Kitchen Gadgets", "Gift for Home Cooks"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Kitchen Cooking and Baking, {color}",
            ],
            Bullets =
            [
                "MATERIAL: Made from {type.2}.",
                "COMFORT GRIP: Ergonomic, non-slip handles in {color:lc} stay cool and comfortable.",
                "EASY TO CLEAN: Dishwasher safe; smooth surfaces leave nowhere for food to hide.",
                "EVERYDAY ESSENTIAL: Built for daily stirring, flipping, serving and prepping.",
                "SATISFACTION: Backed by a lifetime replacement guarantee.",
            ],
            Descriptions =
            [
                "{brand} {type.1} made from {type.2}.",
                "Reliable {type.1} for everyday cooking, in {color:lc}.",
            ],
        },
        new ProductKind
        {
            Category = $"{Kitchen} > Cookware",
            Weight = 70,
            PriceFrom = "type.4",
            Brands = ["Copperline Kitchen", "Hearthwell", "Ironforge Cookware", "Bellacasa"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Nonstick Frying Pan, 10 Inch Skillet with Lid|frying pan|a PFOA-free ceramic nonstick coating|Black;Gray;Cream;Sage Green|20-40",
                    "Pots and Pans Set Nonstick, 10 Piece Cookware Set|cookware set|a durable nonstick interior and aluminum core|Black;Gray;Cream;Sage Green;Navy|80-150",
                    "Tri-Ply Stainless Steel Cookware Set, 12 Piece|stainless steel cookware set|tri-ply stainless steel with an aluminum core|Stainless Steel|150-280",
                    "Pre-Seasoned Cast Iron Skillet, 12 Inch|cast iron skillet|pre-seasoned cast iron|Black|20-35",
                    "Enameled Cast Iron Dutch Oven, 6 Quart|Dutch oven|enameled cast iron|Red;Navy;Cream;Sage Green;Black|50-110",
                    "Stainless Steel Stock Pot with Lid, 8 Quart|stock pot|heavy-gauge stainless steel|Stainless Steel|30-55",
                    "Nonstick Saucepan with Lid, 2 Quart|saucepan|a ceramic nonstick coating|Black;Gray;Cream|20-35",
                    "Carbon Steel Wok, 13 Inch Flat Bottom|wok|lightweight carbon steel|Black|25-45",
                    "Hard Anodized Grill Pan, 11 Inch Square|grill pan|hard-anodized aluminum|Black;Gray|25-40",
                ],
                ["pitch"] = ["", "Kitchen Essentials", "Gift for Home Cooks", "Professional Quality"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, Induction Compatible, {color}",
                "{brand} {type}, Oven Safe, {color}",
            ],
            Bullets =
            [
                "MATERIAL: Made with {type.2} for even heating without hot spots.",
                "ALL STOVETOPS: Works on gas, electric, ceramic and induction cooktops.",
                "OVEN SAFE: Safe in the oven up to 450°F (lids to 350°F).",
                "COMFORTABLE HANDLES: Riveted, stay-cool handles in {color:lc} for a secure grip.",
                "EASY CLEANUP: Food releases easily; hand washing recommended to extend the life of the finish.",
            ],
            Descriptions =
            [
                "The {brand} {type.1} with {type.2} for searing, sauteing and simmering.",
                "Dependable {type.1} for everyday cooking, finished in {color:lc}.",
            ],
        },
        new ProductKind
        {
            Category = $"{Kitchen} > Storage & Organization > Food Storage",
            Weight = 45,
            PriceFrom = "type.3",
            Brands = ["Prepwise", "Pantry Lane", "Stackwell"],
            Colors = ["Clear", "Clear/Gray", "Clear/White", "Clear/Black", "Clear/Blue", "Multicolor"],
            Slots =
            {
                ["type"] =
                [
                    "Glass Food Storage Containers with Lids, 18 Piece|glass containers|oven-safe borosilicate glass with snap-lock lids|30-50",
                    "Airtight Food Storage Containers for Pantry, 24 Piece|pantry containers|BPA-free plastic with airtight lids|25-45",
                    "Reusable Silicone Food Storage Bags, 12 Pack|silicone bags|food-grade silicone with leakproof zip seals|15-25",
                    "Meal Prep Containers 3 Compartment, 50 Pack|meal prep containers|BPA-free, microwave-safe plastic|18-30",
                    "Glass Spice Jars with Labels, 24 Set|spice jars|4 oz glass jars with shaker lids|20-35",
                ],
            },
            Titles =
            [
                "{brand} {type}, {color}",
                "{brand} {type} - Dishwasher Safe, {color}",
            ],
            Bullets =
            [
                "MATERIAL: {type.2}.",
                "KEEPS FOOD FRESH: Airtight seals lock in freshness and stop leaks in lunch bags.",
                "SPACE SAVING: Lids and containers nest and stack neatly in cabinets and the fridge.",
                "DISHWASHER SAFE: Top-rack dishwasher safe and freezer safe.",
                "ORGANIZE: Ideal for meal prep, leftovers, snacks and pantry staples.",
            ],
            Descriptions =
            [
                "{brand} {type.1} keep leftovers and pantry staples fresh and organized.",
                "Stackable {type.1} made of {type.2}.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> HomeFurnishings() =>
    [
        new ProductKind
        {
            Category = "Home & Kitchen > Bedding",
            Weight = 100,
            PriceFrom = "type.3",
            Brands = ["Dreamhaven", "Linen & Lark", "Cloudmere Home", "Slumberwell"],
            Colors = ["White", "White", "Ivory", "Light Gray", "Charcoal", "Navy", "Sage Green", "Blush Pink", "Taupe", "Dusty Blue"],
            Slots =
            {
                ["type"] =
                [
                    "Sheet Set, 4 Piece, 1800 Thread Count Microfiber Bed Sheets|sheet set|brushed microfiber that is soft and wrinkle resistant|25-60",
                    "100% Cotton Percale Sheet Set, 400 Thread Count|cotton sheet set|crisp, cool long-staple cotton percale|45-90",
                    "Down Alternative Comforter, All Season Quilted Duvet Insert|comforter|a box-stitched down-alternative fill|40-90",
                    "Duvet Cover Set, 3 Piece, Washed Cotton|duvet cover set|stonewashed cotton with a button closure|45-100",
                    "Bed Pillows for Sleeping, Set of 2, Hotel Quality|bed pillows|a plush gel fiber fill|25-50",
                    "Quilt Set, 3 Piece, Lightweight Bedspread Coverlet|quilt set|a lightweight stitched microfiber quilt|40-80",
                    "Waterproof Mattress Protector, Breathable Cotton Terry|mattress protector|breathable cotton terry with a waterproof backing|20-45",
                    "Cooling Bamboo Viscose Sheet Set, 4 Piece|bamboo sheet set|silky, breathable bamboo viscose that sleeps cool|50-95",
                ],
                ["size"] = ["Twin", "Twin XL", "Full", "Queen", "Queen", "King", "California King"],
            },
            Titles =
            [
                "{brand} {type}, {size}, {color}",
                "{brand} {size} {type}, {color}",
            ],
            Bullets =
            [
                "SOFT AND COMFORTABLE: Made with {type.2}.",
                "SIZE: {size} size; fitted pieces have deep pockets that fit mattresses up to 16 inches.",
                "BREATHABLE: Stays cool in summer and cozy in winter for restful sleep.",
                "EASY CARE: Machine wash cold and tumble dry low; fade and pill resistant.",
                "COLOR: A calming {color:lc} that suits any bedroom decor.",
            ],
            Descriptions =
            [
                "Upgrade your bed with the {brand} {type.1} in {color:lc}.",
                "{brand} {size:lc} {type.1} made with {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = "Home & Kitchen > Bath",
            Weight = 80,
            PriceFrom = "type.4",
            Brands = ["Linen & Lark", "Tidewater Home", "Cottonwick"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Bath Towels Set, 6 Piece, 100% Cotton|bath towel set|600 GSM ring-spun cotton with 2 bath towels, 2 hand towels and 2 washcloths|White;Gray;Navy;Aqua;Beige;Sage Green|30-50",
                    "Oversized Bath Sheets, 2 Pack, 35 x 70 Inch|bath sheets|plush, quick-drying cotton terry|White;Gray;Charcoal;Beige|30-50",
                    "Bath Mat Non Slip Memory Foam Rug, 17 x 24 Inch|bath mat|soft memory foam with a non-slip backing|Gray;Navy;White;Blush Pink;Sage Green|12-22",
                    "Fabric Shower Curtain with Hooks, 72 x 72 Inch|shower curtain|water-repellent waffle textured fabric|White;Gray;Beige;Sage Green|15-28",
                    "Hand Towels for Bathroom, 4 Pack|hand towels|absorbent cotton terry|White;Gray;Navy;Aqua|15-25",
                    "Bathroom Accessories Set, 4 Piece Ceramic|bathroom set|ceramic soap dispenser, toothbrush holder, tumbler and dish|White;Matte Black;Gray|20-35",
                ],
                ["pitch"] = ["", "Hotel & Spa Quality", "Bathroom Essentials", "Easy Care"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Bathroom, {color}",
            ],
            Bullets =
            [
                "QUALITY: {type.2}.",
                "SPA FEEL: Soft and absorbent for a hotel-style bathroom.",
                "COLORFAST: The {color:lc} color stays bright wash after wash.",
                "EASY CARE: Machine washable; tumble dry low.",
            ],
            Descriptions =
            [
                "{brand} {type.1} in {color:lc} for a fresh, coordinated bathroom.",
                "Soft, durable {type.1} made of {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = "Home & Kitchen > Home Décor",
            Weight = 100,
            PriceFrom = "type.4",
            Brands = ["Ashgrove Home", "Willow & Wick", "Terrace & Tide", "Mesa Verde Home"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Throw Pillow Covers 18 x 18 Inch, Set of 2, Boho Textured|pillow covers|textured cotton with hidden zippers|Cream;Beige;Terracotta;Sage Green;Mustard Yellow|15-25",
                    "Decorative Throw Pillow Covers, Set of 4, Velvet|velvet pillow covers|soft velvet with hidden zippers|Navy;Blush Pink;Sage Green;Gray;Mustard Yellow|20-32",
                    "Framed Wall Art Set of 3, Botanical Prints|framed wall art|gallery-quality prints in wood frames|Green;Black Frame;Natural Wood Frame|30-60",
                    "Soy Candle, 3 Wick, 14 oz Scented Candle|scented candle|a natural soy wax blend with cotton wicks|White;Cream;Amber|15-28",
                    "Ceramic Vase Set of 3, Modern Farmhouse|ceramic vases|matte glazed ceramic|White;Beige;Terracotta;Black|25-45",
                    "Round Wall Mirror, 24 Inch, Metal Frame|wall mirror|a thin metal frame and shatter-resistant glass|Black;Gold;Silver|35-70",
                    "Artificial Eucalyptus Stems, 12 Pack|faux greenery|realistic faux eucalyptus stems|Green|12-22",
                    "Woven Storage Baskets, Set of 3|storage baskets|hand-woven seagrass|Natural;Brown|25-45",
                    "LED Flameless Candles with Remote, Set of 6|flameless candles|real wax with flickering LED flames|Ivory;White|18-30",
                    "Area Rug 5 x 7 Washable Boho Rug|area rug|a low-pile, machine-washable weave|Beige;Gray;Terracotta;Navy;Cream|40-90",
                    "Sherpa Fleece Throw Blanket, 50 x 60 Inch|throw blanket|reversible plush flannel and sherpa fleece|Cream;Gray;Sage Green;Navy;Blush Pink|20-40",
                ],
                ["pitch"] = ["", "Housewarming Gift", "Boho Farmhouse Decor", "Modern Home Decor"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Living Room and Bedroom Decor, {color}",
            ],
            Bullets =
            [
                "DESIGN: {type.2} in {color:lc} that complements modern, farmhouse and boho styles.",
                "QUALITY MADE: Carefully finished details that look great up close.",
                "EASY TO STYLE: Works in living rooms, bedrooms, entryways and offices.",
                "GIFT IDEA: A thoughtful housewarming, wedding or holiday gift.",
            ],
            Descriptions =
            [
                "Refresh your space with {brand} {type.1} in {color:lc}.",
                "{brand} {type.1} bring warmth and texture to any room.",
            ],
        },
        new ProductKind
        {
            Category = "Home & Kitchen > Furniture",
            Weight = 100,
            PriceFrom = "type.4",
            Brands = ["Oakhurst Living", "Ashgrove Home", "Linden & Co.", "Brickhouse Furnishings"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "5-Tier Bookshelf Industrial Wood and Metal Bookcase|bookshelf|engineered wood shelves on a powder-coated steel frame|Rustic Brown;Black;White;Walnut|60-120",
                    "Mid Century Modern Accent Chair Upholstered Armchair|accent chair|a padded fabric seat on solid wood legs|Gray;Navy;Beige;Sage Green;Mustard Yellow|120-250",
                    "Lift Top Coffee Table with Storage|coffee table|a lift-up top and hidden storage compartment|Walnut;Rustic Brown;Black;White|100-200",
                    "Storage Ottoman Bench Folding Footrest|storage ottoman|a padded lid over a roomy storage compartment|Gray;Beige;Navy;Black|35-70",
                    "Computer Desk 47 Inch Home Office Writing Desk|computer desk|a scratch-resistant desktop on a sturdy steel frame|Rustic Brown;Black;White;Natural Oak|70-150",
                    "Nightstand with Drawer and Open Shelf|nightstand|a smooth-gliding drawer and open shelf|White;Black;Walnut;Natural Oak|40-90",
                    "Bar Stools Set of 2 Counter Height Swivel|bar stools|cushioned swivel seats with footrests|Black;Gray;Brown|80-160",
                    "TV Stand for 65 Inch TV Entertainment Center|TV stand|adjustable shelves and cable management|Espresso;Black;White;Rustic Brown|90-180",
                    "Ergonomic Office Chair Mesh High Back|office chair|a breathable mesh back with lumbar support|Black;Gray;White|90-200",
                    "Console Table Narrow Entryway Table|console table|a slim profile that fits hallways|Rustic Brown;Black;White;Natural Oak|60-120",
                ],
                ["pitch"] = ["", "Easy Assembly", "Space Saving", "Modern Style"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Living Room, Bedroom or Office, {color}",
            ],
            Bullets =
            [
                "DESIGN: Features {type.2}.",
                "STURDY: Tested for stability and built to support everyday use.",
                "EASY ASSEMBLY: Numbered parts, tools and clear instructions included; most people finish in about 30 minutes.",
                "FINISH: A {color:lc} finish that matches most decor styles.",
                "SUPPORT: 1-year warranty and responsive customer service.",
            ],
            Descriptions =
            [
                "{brand} {type.1} in {color:lc} with {type.2}.",
                "Functional, good-looking {type.1} built for everyday living.",
            ],
        },
    ];
}
