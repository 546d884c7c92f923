namespace DemoCatalog.Generator;

/// <summary>
/// Phone cases, electronics, tools, toys, beauty, sports, pets, office, automotive, garden, baby, health,
/// books, crafts and grocery.
/// </summary>
internal static partial class CatalogDefinitions
{
    private static IEnumerable<ProductKind> General() =>
    [
        .. PhoneAndElectronics(),
        .. HobbyAndLeisure(),
        .. HouseholdAndMore(),
    ];

    private static IEnumerable<ProductKind> PhoneAndElectronics() =>
    [
        new ProductKind
        {
            Category = "Cell Phones & Accessories > Cases, Holsters & Sleeves > Basic Cases",
            Weight = 50,
            PriceCents = (999, 1999),
            Brands = ["7Edge"],
            ColorFrom = "design.2",
            Slots =
            {
                ["model"] = Vocabulary.PhoneModels,
                ["design"] =
                [
                    "Peacock Feather|peacock feather|Blue/Green",
                    "Blue Peacock|blue peacock|Blue",
                    "Peacock Tail Feather|peacock tail feather|Teal",
                    "Purple Peacock Feather|purple peacock feather|Purple",
                    "Vintage Floral|vintage floral|Pink Floral",
                    "Flower Floral|flower floral|White Floral",
                    "Sunflower Floral|sunflower|Yellow",
                    "Pressed Flower|pressed flower|Clear Floral",
                    "White Marble|white marble|White",
                    "Black Marble Gold Vein|black marble|Black/Gold",
                    "Green Marble|green marble|Green",
                    "Pink Marble|pink marble|Pink",
                ],
                ["style"] =
                [
                    "Slim Fit Shockproof Soft TPU Bumper Protective Phone Cover",
                    "Cute Design for Women Girls Shockproof Protective Case",
                    "Glossy Hard PC Back Soft TPU Bumper Cover",
                    "Raised Edges Camera and Screen Protection Slim Case",
                ],
            },
            Titles =
            [
                "7Edge Case for {model}, {design} Pattern {style}, {color}",
                "7Edge {design} Phone Case Compatible with {model} {model.1}, {style}, {color}",
                "7Edge {model} Case {design} Design, {style} for {model}, {color}",
            ],
            Bullets =
            [
                "COMPATIBILITY: Designed only for {model} ({model.1} screen); precise cutouts for buttons, ports and cameras.",
                "{design} DESIGN: Vivid {design.1} artwork printed with scratch-resistant UV ink that will not fade or peel.",
                "SHOCKPROOF: Reinforced corners absorb drops and bumps; raised lips protect the screen and camera.",
                "SLIM AND GRIPPY: Lightweight, pocket-friendly profile with a comfortable non-slip feel.",
                "WIRELESS CHARGING: Supports wireless charging without removing the case.",
            ],
            Descriptions =
            [
                "The 7Edge {design.1} case for {model} pairs eye-catching artwork with everyday drop protection.",
                "7Edge phone case for {model} with a {design.1} pattern. Slim, shockproof and wireless-charging friendly.",
            ],
        },
        new ProductKind
        {
            Category = "Cell Phones & Accessories > Cases, Holsters & Sleeves > Basic Cases",
            Weight = 80,
            PriceCents = (899, 3499),
            Brands = ["ArmorLyte", "Caseberry", "Shieldon", "Veloce Mobile"],
            Colors = ["Black", "Clear", "Navy", "Dark Green", "Lavender", "Pink", "Red", "Sierra Blue", "Midnight", "Clear Glitter"],
            Slots =
            {
                ["model"] = Vocabulary.PhoneModels,
                ["type"] =
                [
                    "Clear Case Anti-Yellowing Slim Thin Cover|clear case|crystal-clear, anti-yellowing polycarbonate",
                    "Heavy Duty Rugged Case with Belt Clip Holster|rugged holster case|a three-layer shell with a rotating belt clip",
                    "Silicone Case with Microfiber Lining|silicone case|liquid silicone with a soft microfiber lining",
                    "Wallet Case with Card Holder Leather Flip Cover|wallet case|vegan leather with 3 card slots and a magnetic flap",
                    "Magnetic Case Compatible with MagSafe|magnetic case|built-in magnets for magnetic chargers and mounts",
                    "Glitter Case Sparkle Bling Cute Cover|glitter case|sparkling glitter sealed under a smooth layer",
                    "Kickstand Case Military Grade Drop Protection|kickstand case|a built-in fold-out kickstand",
                ],
            },
            Titles =
            [
                "{brand} {type} for {model}, {color}",
                "{brand} Designed for {model} Case, {type}, {model.1}, {color}",
            ],
            Bullets =
            [
                "FITS {model}: Precise cutouts for buttons, speakers, ports and cameras ({model.1} display).",
                "DESIGN: {type.2}.",
                "DROP PROTECTION: Tested to survive 10 ft drops; raised edges guard the screen and camera.",
                "WIRELESS CHARGING READY: Charge wirelessly without taking the case off.",
                "WARRANTY: Lifetime limited warranty.",
            ],
            Descriptions =
            [
                "{brand} {type.1} for {model} in {color:lc}.",
                "Everyday protection for your {model}: {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = "Electronics > Accessories & Supplies",
            Weight = 150,
            PriceFrom = "type.4",
            Brands = ["Voltaro", "Pulsewave", "Cablecraft", "Amplitech"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "USB C to USB C Cable 6 ft, 2 Pack, 100W Fast Charging Braided Cord|USB-C cables|a braided nylon jacket tested for 25,000 bends|Black;Gray;White;Blue|9-16",
                    "Lightning Cable 10 ft, 3 Pack, MFi Certified iPhone Charger Cord|charging cables|a braided nylon jacket and reinforced connectors|White;Black;Multicolor|10-18",
                    "20W USB C Wall Charger Fast Charging Block|wall charger|a compact 20W power delivery adapter|White;Black|9-16",
                    "65W GaN Charger 3 Port USB C Laptop Charger|GaN charger|gallium nitride circuitry in a compact body|White;Black|25-45",
                    "Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case|wireless earbuds|Bluetooth 5.3 with 32 hours total playtime|Black;White;Midnight Blue;Pink|20-50",
                    "Over Ear Noise Cancelling Headphones Wireless|headphones|active noise cancellation and 40 hour battery life|Black;Silver;Navy;Cream|40-90",
                    "Portable Charger 10000mAh Power Bank Slim|power bank|a 10000mAh battery with USB-C input and output|Black;White;Pink;Blue|18-35",
                    "Wireless Mouse 2.4G Silent Click Ergonomic|wireless mouse|a 2.4G receiver and silent buttons|Black;Gray;White;Pink|10-25",
                    "Bluetooth Keyboard Slim Rechargeable|Bluetooth keyboard|low-profile keys and a rechargeable battery|Black;White;Space Gray|20-40",
                    "Tempered Glass Screen Protector for iPhone 15, 3 Pack|screen protectors|9H tempered glass with an installation frame|Clear|7-12",
                    "Tempered Glass Screen Protector for Samsung Galaxy S24, 2 Pack|screen protectors|9H tempered glass with fingerprint unlock support|Clear|7-12",
                    "Wireless Charging Pad 15W Qi Charger|wireless charger|15W Qi charging with a non-slip surface|Black;White|12-25",
                    "HDMI Cable 4K 10 ft High Speed|HDMI cable|gold-plated connectors supporting 4K at 60Hz|Black|8-15",
                    "Portable Bluetooth Speaker Waterproof IPX7|Bluetooth speaker|IPX7 waterproofing and 20 hour playtime|Black;Blue;Red;Teal|25-60",
                    "Smart Plug WiFi Outlet, 4 Pack|smart plugs|app and voice control with schedules|White|18-30",
                    "Car Charger Dual USB C 48W Fast Charging Adapter|car charger|dual USB-C power delivery ports|Black;Silver|12-22",
                ],
                ["pitch"] = ["", "Upgraded Version", "Portable and Lightweight", "Durable Design", "Easy Setup", "2-Year Warranty"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
            ],
            Bullets =
            [
                "WHAT YOU GET: {type.2}.",
                "WIDE COMPATIBILITY: Works with phones, tablets, laptops and earbuds from major brands.",
                "SAFE AND RELIABLE: Built-in protection against overcharging, overheating and short circuits.",
                "TRAVEL FRIENDLY: Compact, lightweight design in {color:lc} fits in a pocket or bag.",
                "WARRANTY: 18-month warranty and friendly support.",
            ],
            Descriptions =
            [
                "{brand} {type.1} featuring {type.2}.",
                "Reliable everyday {type.1} for home, office and travel.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> HobbyAndLeisure() =>
    [
        new ProductKind
        {
            Category = "Tools & Home Improvement > Power & Hand Tools",
            Weight = 115,
            PriceFrom = "type.4",
            Brands = ["Ironbark Tools", "Torqwell", "Forgeline", "Stanwick"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "20V Cordless Drill Driver Kit with 2 Batteries and Charger|cordless drill|a 20V brushless motor with a 1/2 inch keyless chuck|Yellow/Black;Red/Black;Blue;Green/Black|60-130",
                    "Cordless Impact Driver 20V Max, 1/4 Inch Hex|impact driver|up to 1,800 in-lbs of torque|Yellow/Black;Red/Black;Orange|70-140",
                    "Precision Screwdriver Set, 32 Piece Magnetic|screwdriver set|magnetic S2 steel bits in a case|Black;Red;Blue|12-25",
                    "Mechanics Tool Set, 145 Piece Socket Set|socket set|chrome vanadium sockets, ratchets and extensions|Chrome;Black|60-110",
                    "Claw Hammer 16 oz with Fiberglass Handle|claw hammer|a forged steel head and shock-absorbing grip|Black/Yellow;Red/Black|12-25",
                    "Adjustable Wrench Set, 3 Piece|adjustable wrenches|drop-forged chrome vanadium steel|Chrome|18-35",
                    "Tape Measure 25 ft with Magnetic Hook|tape measure|a wide, standout blade with a magnetic hook|Yellow;Orange;Black|8-18",
                    "LED Flashlight Rechargeable 2000 Lumens Tactical|flashlight|2000 lumens with 5 light modes|Black|18-35",
                    "Laser Level Self-Leveling Cross Line|laser level|a self-leveling green cross-line laser|Yellow;Green|30-60",
                    "Cordless Orbital Sander with Dust Collection|orbital sander|a 5 inch pad with hook-and-loop paper|Yellow/Black;Red/Black|40-80",
                    "Utility Knife Retractable Box Cutter, 2 Pack|utility knives|retractable SK5 blades with quick change|Black;Orange;Yellow|8-15",
                    "Pliers Set, 5 Piece Needle Nose and Slip Joint|pliers set|forged steel jaws with comfort grips|Red;Blue;Black|20-40",
                    "Stud Finder Wall Scanner 4 in 1|stud finder|center-finding sensors that detect wood, metal and live AC wire|Yellow;Orange|18-35",
                ],
                ["pitch"] = ["", "Heavy Duty", "Professional Grade", "Gift for Men", "DIY Essentials"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Home, DIY and Professional Use, {color}",
            ],
            Bullets =
            [
                "PERFORMANCE: {type.2}.",
                "COMFORTABLE: Ergonomic, rubberized grip reduces fatigue on longer jobs.",
                "DURABLE: Built to jobsite standards for years of use.",
                "EASY STORAGE: Comes with a case or hang hole to keep your workspace organized.",
                "WARRANTY: 3-year limited warranty.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}, ready for repairs, remodels and weekend projects.",
                "A dependable {type.1} for every toolbox, in {color:lc}.",
            ],
        },
        new ProductKind
        {
            Category = "Toys & Games",
            Weight = 125,
            PriceFrom = "type.5",
            Brands = ["Brickwise", "Wobblewood", "Jolly Jamboree", "Starlit Toys"],
            ColorFrom = "type.4",
            Slots =
            {
                ["type"] =
                [
                    "Building Blocks Set 500 Pieces, Classic Bricks|building blocks|500 compatible bricks in 12 colors|Ages 4+|Multicolor|20-40",
                    "Magnetic Tiles 60 Piece Building Set|magnetic tiles|strong-magnet tiles in squares and triangles|Ages 3+|Multicolor;Rainbow;Pastel|30-55",
                    "Plush Stuffed Animal Teddy Bear, 14 Inch|plush teddy bear|super-soft plush with embroidered eyes|Ages 0+|Brown;Cream;Pink;Gray|12-25",
                    "Jigsaw Puzzle 1000 Pieces for Adults|jigsaw puzzle|thick, snug-fitting pieces with a poster|Ages 12+|Multicolor|14-24",
                    "Wooden Puzzles for Toddlers, 6 Pack|wooden puzzles|chunky wooden pieces painted with non-toxic paint|Ages 2+|Multicolor|14-25",
                    "Remote Control Car 1:16 Scale Off Road RC Truck|RC truck|a 2.4GHz remote and rechargeable battery|Ages 6+|Red;Blue;Green;Orange|30-55",
                    "Fashion Doll with Accessories and Outfits|fashion doll|an 11.5 inch doll with 3 outfits|Ages 3+|Multicolor|15-30",
                    "Family Board Game for Kids and Adults|board game|a quick-to-learn game for 2 to 6 players|Ages 8+|Multicolor|15-30",
                    "Play Kitchen Pretend Food Set, 80 Pieces|play food set|realistic pretend food and cookware|Ages 3+|Multicolor|20-35",
                    "Kids Art Set 150 Pieces with Carrying Case|art set|crayons, markers, colored pencils and paints|Ages 4+|Pink;Blue;Multicolor|20-35",
                    "Toy Dinosaur Figures Set of 12|dinosaur figures|realistic hand-painted dinosaurs|Ages 3+|Multicolor|12-22",
                    "Bubble Machine for Kids Automatic|bubble machine|a 2-speed fan that makes hundreds of bubbles a minute|Ages 3+|Blue;Pink;Green|15-30",
                    "Wooden Train Set 40 Pieces|wooden train set|solid wood tracks, bridges and magnetic trains|Ages 3+|Natural Wood;Multicolor|25-45",
                ],
                ["pitch"] = ["", "Birthday Gift for Kids", "Holiday Gift", "Gift Idea"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type}, Gift for Boys and Girls {type.3}, {color}",
            ],
            Bullets =
            [
                "WHAT'S INCLUDED: {type.2}.",
                "AGE: Recommended for {type.3:lc}; encourages creativity, motor skills and imaginative play.",
                "SAFE MATERIALS: Non-toxic materials tested to meet US toy safety standards.",
                "GREAT GIFT: Perfect for birthdays, holidays and rainy days.",
                "EASY STORAGE: Packs away neatly when playtime is over.",
            ],
            Descriptions =
            [
                "{brand} {type.1} for hours of screen-free fun.",
                "Kids love the {brand} {type.1}: {type.2}.",
            ],
        },
        new ProductKind
        {
            Category = "Beauty & Personal Care",
            Weight = 125,
            PriceFrom = "type.4",
            Brands = ["Lumiere Botanics", "Velvetine", "Bare Bloom", "Solace Skin"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Hyaluronic Acid Face Moisturizer, 1.7 oz|face moisturizer|hyaluronic acid and ceramides for lasting hydration||12-28",
                    "Vitamin C Serum for Face, 1 fl oz|vitamin C serum|vitamin C, vitamin E and ferulic acid||12-25",
                    "Gentle Foaming Facial Cleanser, 8 fl oz|facial cleanser|a sulfate-free, fragrance-free formula||9-18",
                    "Mineral Sunscreen SPF 50, 3 oz|mineral sunscreen|zinc oxide broad spectrum protection||12-22",
                    "Argan Oil Shampoo and Conditioner Set, 16 fl oz Each|shampoo and conditioner|argan oil and keratin for smooth, shiny hair||14-28",
                    "Body Lotion for Dry Skin, Shea Butter, 16 oz|body lotion|shea butter and oat extract||8-16",
                    "Ionic Hair Dryer 1875W with Diffuser|hair dryer|ionic technology that reduces frizz|Black;Rose Gold;White|30-60",
                    "Ceramic Flat Iron Hair Straightener, 1 Inch|flat iron|ceramic plates with adjustable heat up to 450°F|Black;Pink;Rose Gold|25-50",
                    "Makeup Brush Set, 14 Piece with Case|makeup brushes|soft synthetic bristles|Rose Gold;Black;Pink|10-22",
                    "Long Lasting Matte Liquid Lipstick|liquid lipstick|a transfer-resistant matte formula|Nude;Rose;Berry;Classic Red;Mauve|7-14",
                    "Waterproof Mascara Volumizing|mascara|a buildable, smudge-proof formula|Black;Brown Black|7-13",
                    "Gel Nail Polish Set, 6 Colors|gel nail polish|long-wearing gel polish that cures under LED or UV|Nude Pink;Red;Pastel;Glitter|12-22",
                    "Satin Scrunchies for Hair, 10 Pack|scrunchies|smooth satin that is gentle on hair|Multicolor;Neutral;Black|7-12",
                ],
                ["pitch"] = ["", "", "Gift for Women", "Self Care Essentials", "Everyday Use"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} {color}",
            ],
            Bullets =
            [
                "KEY FEATURES: {type.2}.",
                "EVERYDAY ROUTINE: Easy to use at home and gentle enough for daily use.",
                "CRUELTY FREE: Never tested on animals.",
                "HOW TO USE: Follow the directions on the package for best results.",
                "GIFTABLE: Makes a lovely self-care gift.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Add the {brand} {type.1} to your daily routine.",
            ],
        },
        new ProductKind
        {
            Category = "Sports & Outdoors",
            Weight = 125,
            PriceFrom = "type.4",
            Brands = ["Summit Trail", "Kinetic Edge", "Ridgeback Outdoors", "Flowstate Fitness"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Yoga Mat 1/4 Inch Thick Non Slip with Carrying Strap|yoga mat|high-density TPE foam with a non-slip texture|Purple;Teal;Black;Blush Pink;Gray|18-35",
                    "Adjustable Dumbbells Set, 25 lb Pair|adjustable dumbbells|quick-change weight plates and a secure lock|Black|60-120",
                    "Resistance Bands Set, 5 Pack with Handles|resistance bands|five latex bands from 10 to 50 lb|Multicolor|15-28",
                    "Insulated Water Bottle 32 oz Stainless Steel|water bottle|double-wall vacuum insulation that keeps drinks cold for 24 hours|Black;White;Teal;Lavender;Olive|18-35",
                    "Camping Tent 4 Person Waterproof Dome Tent|camping tent|a waterproof rainfly and 10 minute setup|Green;Orange;Gray|60-130",
                    "Sleeping Bag for Adults 3 Season Lightweight|sleeping bag|a 3-season synthetic fill rated to 40°F|Blue;Green;Gray|30-60",
                    "Bike Helmet for Adults with LED Light|bike helmet|an adjustable fit dial and rechargeable rear light|Black;White;Blue|30-55",
                    "Jump Rope Adjustable Speed Rope|jump rope|ball-bearing handles and an adjustable steel cable|Black;Red|8-15",
                    "Hiking Backpack 40L Water Resistant|hiking backpack|40 liters of capacity with a rain cover|Black;Green;Gray;Orange|35-70",
                    "Foam Roller for Muscle Massage, 13 Inch|foam roller|a firm textured EVA foam surface|Black;Blue;Orange|12-25",
                    "Pickleball Paddles Set of 2 with 4 Balls|pickleball paddle set|fiberglass faces and cushioned grips|Blue;Red;Black|30-60",
                    "Camping Chair Folding with Cup Holder|camping chair|a steel frame that holds up to 300 lb|Green;Navy;Gray|25-50",
                ],
                ["pitch"] = ["", "Gift for Men and Women", "Outdoor Essentials", "Lightweight and Durable"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Home Gym, Travel and Outdoors, {color}",
            ],
            Bullets =
            [
                "BUILT FOR ACTIVE LIFE: {type.2}.",
                "DURABLE: Made from tough materials that hold up to sweat, weather and hard use.",
                "PORTABLE: Lightweight design packs easily for the gym, park or campsite.",
                "COLOR: Shown in {color:lc}.",
                "GUARANTEE: 1-year warranty and hassle-free returns.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Get moving with the {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Pet Supplies",
            Weight = 105,
            PriceFrom = "type.4",
            Brands = ["Pawsome Co.", "Furrow & Friends", "Happy Tails Supply", "Whiskerwell"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Orthopedic Dog Bed for Large Dogs Washable Cover|dog bed|egg-crate orthopedic foam with a removable, washable cover|Gray;Brown;Navy|30-70",
                    "Calming Donut Dog Bed for Small Dogs and Cats|calming bed|a plush faux fur rim for head support|Beige;Gray;Pink|20-40",
                    "Dog Chew Toys for Aggressive Chewers, 6 Pack|chew toys|tough natural rubber and nylon|Multicolor|12-22",
                    "Squeaky Plush Dog Toys, 5 Pack|plush dog toys|soft plush with built-in squeakers|Multicolor|12-22",
                    "Reflective Dog Leash 6 ft Padded Handle|dog leash|reflective nylon webbing and a padded handle|Black;Red;Blue;Pink|10-20",
                    "No Pull Dog Harness Adjustable|dog harness|front and back leash clips and breathable padding|Black;Red;Blue;Green|15-30",
                    "Cat Tree Tower with Scratching Posts, 54 Inch|cat tree|sisal-wrapped scratching posts and a cozy condo|Beige;Gray|40-90",
                    "Stainless Steel Dog Bowls, Set of 2 with Non-Slip Mat|dog bowls|rust-resistant stainless steel|Silver/Gray;Silver/Blue|12-22",
                    "Cat Litter Box Enclosed with Lid|litter box|a hooded design with a carbon filter|Gray;White|25-50",
                    "Interactive Cat Toys Feather Wand, 10 Pack|cat toys|feather wands and jingle balls|Multicolor|8-15",
                ],
                ["pitch"] = ["", "Pet Supplies", "Gift for Pet Lovers", "Durable and Easy to Clean"],
            },
            Titles =
            [
                "{brand} {type}, {color}",
                "{brand} {type}, {pitch}, {color}",
            ],
            Bullets =
            [
                "DESIGN: {type.2}.",
                "PET SAFE: Non-toxic materials safe for dogs and cats.",
                "EASY CLEANING: Wipe clean or machine wash as directed.",
                "HAPPY PETS: Tested by pets and their people; backed by a satisfaction guarantee.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Treat your pet to the {brand} {type.1} in {color:lc}.",
            ],
        },
    ];

    private static IEnumerable<ProductKind> HouseholdAndMore() =>
    [
        new ProductKind
        {
            Category = "Office Products > Office & School Supplies",
            Weight = 100,
            PriceFrom = "type.4",
            Brands = ["Inkwell & Co.", "Paperfold", "Deskline", "Scribewell"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Gel Pens Retractable Fine Point 0.5mm, 12 Pack|gel pens|quick-drying, smear-resistant gel ink|Black;Blue;Assorted Colors|8-14",
                    "Ballpoint Pens Medium Point, 24 Count|ballpoint pens|smooth-writing oil-based ink|Black;Blue;Red|6-12",
                    "Spiral Notebooks College Ruled, 5 Pack|spiral notebooks|100 sheets of college-ruled paper each|Assorted Colors|10-18",
                    "Hardcover Journal Dotted Notebook A5|dotted journal|160 pages of thick, bleed-resistant paper|Black;Sage Green;Navy;Dusty Pink|12-22",
                    "Sticky Notes 3 x 3 Inch, 12 Pads|sticky notes|strong-adhesive notes that reposition cleanly|Yellow;Pastel Colors;Neon Colors|8-14",
                    "Mesh Desk Organizer with Drawer|desk organizer|five compartments and a sliding drawer|Black;White;Gold|18-32",
                    "File Folders Letter Size, 50 Pack|file folders|1/3-cut reinforced tabs|Manila;Assorted Colors|10-18",
                    "Highlighters Chisel Tip, 12 Pack|highlighters|bright, quick-drying ink that will not smear|Assorted Colors;Pastel Colors;Yellow|6-12",
                    "Weekly Planner Undated with Tabs|weekly planner|undated weekly and monthly spreads|Black;Navy;Blush Pink|14-26",
                    "Heavy Duty Stapler with 1000 Staples|stapler|a jam-resistant mechanism that staples 25 sheets|Black;Gray|12-22",
                    "Colored Pencils 72 Count for Adult Coloring|colored pencils|soft, richly pigmented cores|Assorted Colors|15-28",
                ],
                ["pitch"] = ["", "Office Supplies", "Back to School Essentials", "Home Office Essentials"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Office, School and Home, {color}",
            ],
            Bullets =
            [
                "QUALITY: {type.2}.",
                "ORGANIZED: Keeps home offices, classrooms and desks neat and productive.",
                "VALUE: Great for stocking up for back to school or the office supply closet.",
                "COLOR: {color}.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Everyday {type.1} for school and office.",
            ],
        },
        new ProductKind
        {
            Category = "Automotive > Interior Accessories",
            Weight = 95,
            PriceFrom = "type.4",
            Brands = ["Roadwise", "AutoKeen", "Drivecraft", "Highway Haven"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Car Phone Mount Dashboard and Windshield Holder|phone mount|a 360° rotating cradle that fits 4 to 7 inch phones|Black|12-25",
                    "Car Seat Covers Full Set, Universal Fit|seat covers|breathable, water-resistant faux leather|Black;Gray;Beige;Black/Red|35-70",
                    "All Weather Floor Mats for Cars, SUV and Truck|floor mats|trim-to-fit heavy-duty rubber|Black;Gray;Tan|30-60",
                    "Car Vacuum Cleaner Cordless Handheld|car vacuum|strong suction with a washable HEPA filter|Black;Gray|30-55",
                    "Portable Tire Inflator Air Compressor 12V|tire inflator|a digital gauge with automatic shutoff|Black;Black/Yellow|30-60",
                    "Car Trunk Organizer Collapsible with Lid|trunk organizer|sturdy, collapsible compartments|Black;Gray|20-35",
                    "Steering Wheel Cover Microfiber Leather|steering wheel cover|a non-slip microfiber leather grip|Black;Gray;Beige;Black/Red|12-22",
                    "Car Wash Kit with Microfiber Towels and Mitt|car wash kit|ultra-plush microfiber towels and a chenille mitt|Blue;Gray|20-40",
                    "Jump Starter Portable 1500A Battery Booster|jump starter|1500 peak amps with built-in flashlight|Black;Black/Orange|50-100",
                    "Windshield Sun Shade Foldable Umbrella|sun shade|a reflective, heat-blocking canopy that folds into a sleeve|Silver|15-25",
                    "Backseat Car Organizer with Tablet Holder, 2 Pack|backseat organizer|multiple pockets and a clear tablet sleeve|Black;Gray|15-28",
                ],
                ["pitch"] = ["", "Universal Fit", "Easy Install", "Heavy Duty", "Car Accessories for Men and Women"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Cars, SUVs and Trucks, {color}",
            ],
            Bullets =
            [
                "FEATURES: {type.2}.",
                "UNIVERSAL FIT: Fits most cars, SUVs, vans and trucks.",
                "EASY TO INSTALL: Set up in minutes without tools.",
                "DURABLE: Built to withstand heat, cold and daily driving.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Make every drive easier with the {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Patio, Lawn & Garden",
            Weight = 105,
            PriceFrom = "type.4",
            Brands = ["Greenthumb Goods", "Fernway", "Backyard Bloom", "Terrace & Tide"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Expandable Garden Hose 50 ft with 10 Pattern Spray Nozzle|garden hose|a triple-layer latex core and brass fittings|Green;Blue;Black|25-45",
                    "Ceramic Plant Pots with Drainage Holes, Set of 3|plant pots|glazed ceramic with drainage holes and saucers|White;Terracotta;Sage Green;Black|20-40",
                    "Garden Tool Set, 9 Piece Heavy Duty|garden tool set|rust-resistant cast aluminum heads|Green;Floral;Black|25-45",
                    "Pruning Shears Bypass Hand Pruner|pruning shears|sharp SK5 steel bypass blades|Red;Orange;Green|12-25",
                    "Solar Pathway Lights Outdoor, 8 Pack|solar path lights|auto on/off solar panels and warm white LEDs|Black;Stainless Steel|20-40",
                    "Raised Garden Bed Galvanized Metal, 8 x 4 ft|raised garden bed|corrosion-resistant galvanized steel|Silver;Dark Green|40-80",
                    "Hanging Bird Feeder Metal, 6 Ports|bird feeder|weatherproof metal with a 2 lb seed capacity|Green;Black;Copper|18-35",
                    "Gardening Gloves for Women, 3 Pairs|gardening gloves|breathable, puncture-resistant coated palms|Assorted Colors|10-18",
                    "Outdoor String Lights 48 ft Waterproof|string lights|shatterproof bulbs rated for outdoor use|Black;Warm White|25-45",
                    "Organic Potting Soil Mix, 8 Quart|potting mix|an organic blend with perlite for drainage||8-15",
                ],
                ["pitch"] = ["", "Heavy Duty", "Outdoor Essentials", "Gift for Gardeners", "Easy Setup"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Garden, Patio and Yard, {color}",
            ],
            Bullets =
            [
                "BUILT FOR OUTDOORS: {type.2}.",
                "WEATHER READY: Made for season after season outdoors.",
                "EASY TO USE: Lightweight and simple for gardeners of every level.",
                "GREAT GIFT: A welcome gift for gardeners and new homeowners.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Make yard work easier with the {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Baby Products",
            Weight = 95,
            PriceFrom = "type.4",
            Brands = ["Cradle Cove", "Tiny Tandem", "Nestling", "Sunny Sprout"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Anti-Colic Baby Bottles, 4 Pack, 9 oz|baby bottles|BPA-free bottles with slow-flow nipples and anti-colic vents|Clear;Clear/Blue;Clear/Pink|15-30",
                    "Muslin Swaddle Blankets, 4 Pack, 47 x 47 Inch|swaddle blankets|breathable cotton muslin|Sage Green;Neutral;Pink;Light Blue;Multicolor|18-35",
                    "Silicone Bibs for Babies, 3 Pack|silicone bibs|soft, waterproof silicone with a food-catching pocket|Sage Green;Blush Pink;Gray;Multicolor|10-18",
                    "Diaper Bag Backpack with Changing Pad|diaper bag|insulated bottle pockets and a portable changing pad|Black;Gray;Beige|30-55",
                    "Orthodontic Pacifiers 0-6 Months, 4 Pack|pacifiers|one-piece medical-grade silicone|Multicolor;Neutral|8-15",
                    "Baby Play Mat Foam Floor Mat, Extra Large|play mat|non-toxic reversible foam|Gray/White;Multicolor;Beige|30-60",
                    "Hooded Baby Towels, 2 Pack, Organic Cotton|hooded towels|absorbent organic cotton terry|White;Gray;Oatmeal|15-28",
                    "Baby Monitor with Camera and Audio, 5 Inch Screen|baby monitor|night vision, two-way talk and temperature display|White|50-90",
                    "Crib Sheets Fitted, 2 Pack, Jersey Knit|crib sheets|soft, stretchy jersey knit cotton|White;Gray;Sage Green;Pink|15-28",
                ],
                ["pitch"] = ["", "Baby Registry Essentials", "Newborn Essentials", "Baby Shower Gift"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Newborn and Infant, {color}",
            ],
            Bullets =
            [
                "THOUGHTFULLY DESIGNED: {type.2}.",
                "SAFE FOR BABY: Free of BPA, phthalates and lead; tested to strict safety standards.",
                "EASY CARE: Easy to clean; machine washable or dishwasher safe where applicable.",
                "BABY REGISTRY FAVORITE: A practical gift for baby showers.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "Everyday essentials for new parents: {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Health & Household",
            Weight = 90,
            PriceFrom = "type.4",
            Brands = ["Clearwell", "Everhome Essentials", "Purely Kept", "Tidy Haven"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "First Aid Kit 250 Piece for Home, Car and Travel|first aid kit|250 essentials in a compact, organized case|Red;Black|18-35",
                    "Weekly Pill Organizer 2 Times a Day|pill organizer|14 easy-open compartments labeled AM and PM|Multicolor;Clear|7-14",
                    "Digital Thermometer for Adults and Kids|digital thermometer|fast 10-second readings with a fever alert|White|9-18",
                    "Trash Bags 13 Gallon Drawstring, 120 Count|trash bags|tear-resistant drawstring bags|White;Black|14-24",
                    "Multi-Surface Cleaning Spray, 3 Pack|cleaning spray|a plant-based formula that cuts grease||10-18",
                    "Microfiber Spray Mop with Reusable Pads|microfiber mop|a 360° swivel head and washable pads|Gray;Blue|20-40",
                    "Reusable Ice Packs for Injuries, 2 Pack|ice packs|flexible gel that stays soft when frozen|Blue|12-20",
                    "Laundry Detergent Pods, 81 Count|laundry pods|concentrated detergent with stain fighters||18-28",
                    "Plastic Storage Bins with Lids, 6 Pack|storage bins|stackable clear plastic with latching lids|Clear;Clear/Gray|25-45",
                    "Foaming Hand Soap Refill, 56 fl oz|hand soap refill|a gentle, moisturizing foaming formula||8-15",
                    "Disinfecting Wipes, 3 Pack, 225 Count|disinfecting wipes|pre-moistened wipes for counters, handles and remotes||10-18",
                    "Cotton Swabs, 1000 Count|cotton swabs|100% cotton tips on sturdy paper sticks|White|6-12",
                    "Reusable Dishwashing Gloves, 3 Pairs|dishwashing gloves|latex-free gloves with a soft cotton lining|Yellow;Pink;Blue|7-12",
                    "Blood Pressure Monitor Upper Arm with Large Cuff|blood pressure monitor|a wide-range cuff and large backlit display|White|30-55",
                ],
                ["pitch"] = ["", "Home Essentials", "Easy to Use", "Everyday Essential", "Value Pack"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
            ],
            Bullets =
            [
                "WHAT YOU GET: {type.2}.",
                "EVERYDAY ESSENTIAL: Keep one at home, in the car and at the office.",
                "QUALITY: Made to high standards and backed by a satisfaction guarantee.",
                "EASY TO USE: Simple, clearly labeled and ready out of the box.",
            ],
            Descriptions =
            [
                "{brand} {type.1} with {type.2}.",
                "A household essential: the {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Books",
            Weight = 45,
            PriceFrom = "format.1",
            Brands = ["{type.3}"], // the author of the chosen title
            Colors = [""],
            Slots =
            {
                ["type"] =
                [
                    "Weeknight Suppers: 100 Easy Recipes for Busy Families|cookbook|100 tested recipes with step-by-step photos|Maren Holt",
                    "The Sourdough Kitchen: Bread, Pizza and Pastry from One Starter|baking book|a beginner-friendly guide to sourdough|Daniel Ashby",
                    "Goodnight, Little Lighthouse: A Bedtime Story|picture book|a gentle rhyming bedtime story with full-color illustrations|Priya Raman",
                    "The Dinosaur Who Loved Books|picture book|a funny read-aloud picture book for ages 3 to 7|Lucia Ferrante",
                    "Small Garden, Big Harvest: Growing Vegetables in Tight Spaces|gardening guide|practical plans for patios and raised beds|Owen Calder",
                    "The Lantern Keeper's Daughter: A Novel|novel|a sweeping historical novel|Hazel Winters",
                    "Mindful Mornings: A 52-Week Guided Journal|guided journal|weekly prompts with space to write|Maren Holt",
                    "Fix It Yourself: The Complete Home Repair Handbook|home repair guide|clear illustrations for common repairs|Daniel Ashby",
                    "Beginner's Guide to Watercolor Painting|art instruction book|step-by-step projects for new painters|Priya Raman",
                    "Slow Cooker Sundays: 75 Set-and-Forget Meals|cookbook|75 comforting recipes for the slow cooker|Lucia Ferrante",
                    "The Quiet Orchard: A Novel|novel|a warm small-town family story|Owen Calder",
                    "Knitting for Absolute Beginners|craft guide|illustrated stitches and ten first projects|Hazel Winters",
                    "Backyard Birds of North America: A Field Guide|field guide|illustrated profiles of 200 common birds|Theo Marsh",
                    "Little Chef: A Kids' First Cookbook|children's cookbook|30 simple recipes kids can make with a grown-up|Priya Raman",
                    "Money Made Simple: A Practical Guide to Budgeting|personal finance guide|plain-language steps to budgeting and saving|Owen Calder",
                    "The Cozy Cat Mysteries: Book One|mystery novel|a lighthearted small-town mystery|Greta Lindqvist",
                    "Dream Big, Little Sprout: A Picture Book About Growing Up|picture book|an encouraging story about trying new things|Hazel Winters",
                    "The Everyday Air Fryer Cookbook|cookbook|120 quick recipes for crispy, lighter meals|Maren Holt",
                    "Stars Over Saltmarsh: A Novel|novel|a coastal love story spanning three generations|Theo Marsh",
                    "Houseplants Without Fuss: Care Guide for Busy People|houseplant guide|light, water and repotting advice for 80 popular plants|Greta Lindqvist",
                ],
                ["format"] = ["Paperback|12-19", "Paperback|12-19", "Hardcover|20-32", "Kindle Edition|3-12", "Audible Audiobook|15-28"],
                ["edition"] = ["Revised Edition", "Second Edition", "Anniversary Edition"],
            },
            Titles =
            [
                "{type} ({format})",
                "{type}, {edition} ({format})",
            ],
            Bullets =
            [
                "ABOUT THIS BOOK: {type.2}.",
                "AUTHOR: Written by {brand}.",
                "FORMAT: {format}, printed on quality paper.",
                "GIFT: A great gift for readers, home cooks, gardeners and families.",
            ],
            Descriptions =
            [
                "{type.0}, by {brand}: {type.2}.",
                "From {brand}, a {type.1} readers return to again and again.",
            ],
        },
        new ProductKind
        {
            Category = "Arts, Crafts & Sewing",
            Weight = 70,
            PriceFrom = "type.4",
            Brands = ["Craftory", "Stitch & Bloom", "Palette Row", "Maker's Nook"],
            ColorFrom = "type.3",
            Slots =
            {
                ["type"] =
                [
                    "Acrylic Paint Set, 24 Colors, 2 oz Bottles|acrylic paint set|rich, fast-drying acrylic paint|Assorted Colors|12-25",
                    "Yarn for Crocheting and Knitting, 10 Skeins Acrylic|yarn bundle|soft worsted-weight acrylic yarn|Assorted Colors;Pastel Colors;Neutral Tones|15-30",
                    "Embroidery Kit for Beginners with Pattern and Hoop|embroidery kit|a printed pattern, hoop, floss and needles|Floral;Multicolor|12-25",
                    "Alcohol Markers Dual Tip, 80 Colors|alcohol markers|dual fine and chisel tips with blendable ink|Assorted Colors|20-40",
                    "Hot Glue Gun with 30 Glue Sticks|hot glue gun|a fast-heating full-size glue gun|Blue;Pink;Black|10-18",
                    "Canvas Panels 8 x 10 Inch, 12 Pack|canvas panels|primed cotton canvas over sturdy board|White|12-22",
                    "Sewing Kit for Adults, 130 Piece|sewing kit|thread, needles, scissors and notions in a zip case|Multicolor|12-22",
                    "Air Dry Clay, 2.2 lb Modeling Clay|air dry clay|smooth, non-toxic clay that dries without a kiln|White;Terracotta|8-15",
                    "Watercolor Paint Set, 36 Colors with Brushes|watercolor set|36 vibrant half pans, two brushes and a mixing palette|Assorted Colors|15-30",
                    "Washi Tape Set, 30 Rolls|washi tape|decorative paper tape that tears by hand and repositions cleanly|Assorted Colors;Pastel Colors|8-15",
                    "Felt Sheets for Crafts, 40 Pack, 8 x 12 Inch|felt sheets|soft, stiffened polyester felt|Assorted Colors|10-18",
                    "Jewelry Making Kit with Beads and Charms|bead kit|glass beads, charms, cord and findings in a sorted case|Multicolor|15-30",
                ],
                ["pitch"] = ["", "Craft Supplies", "Beginner Friendly", "Premium Quality", "Art Supplies Gift Set"],
            },
            Titles =
            [
                "{brand} {type}, {pitch}, {color}",
                "{brand} {type}, {color}",
                "{brand} {type} for Adults and Kids, {color}",
            ],
            Bullets =
            [
                "WHAT'S INCLUDED: {type.2}.",
                "NON-TOXIC: Conforms to ASTM D-4236.",
                "FOR ALL LEVELS: Great for beginners, hobbyists and classrooms.",
                "GIFT READY: Neatly packaged for birthdays and holidays.",
            ],
            Descriptions =
            [
                "{brand} {type.1}: {type.2}.",
                "Get creative with the {brand} {type.1}.",
            ],
        },
        new ProductKind
        {
            Category = "Grocery & Gourmet Food",
            Weight = 70,
            PriceFrom = "type.3",
            Brands = ["Hearthside Pantry", "Copper Kettle Co.", "Wildmeadow Farms", "Golden Acre Provisions"],
            Colors = [""],
            Slots =
            {
                ["type"] =
                [
                    "Whole Bean Coffee Medium Roast, 2 lb Bag|whole bean coffee|100% arabica beans roasted in small batches|18-30",
                    "Ground Coffee Dark Roast, 12 oz|ground coffee|a bold, smooth dark roast|8-14",
                    "Organic Green Tea Bags, 100 Count|green tea|organic green tea in individually wrapped bags|10-18",
                    "Chamomile Herbal Tea, 40 Tea Bags|herbal tea|caffeine-free whole chamomile flowers|5-10",
                    "Raw Honey, 16 oz Jar|raw honey|unfiltered honey from local wildflowers|10-18",
                    "Trail Mix Snack Packs, 24 Count|trail mix|nuts, seeds and dried fruit|15-25",
                    "Extra Virgin Olive Oil, 1 Liter|olive oil|cold-pressed extra virgin olive oil|14-25",
                    "Dark Chocolate Bars 70% Cacao, 12 Pack|dark chocolate|fair-trade 70% cacao|18-30",
                    "Pure Maple Syrup Grade A, 32 oz|maple syrup|Grade A amber maple syrup|18-30",
                    "Roasted Salted Almonds, 2.5 lb|almonds|whole almonds roasted with sea salt|14-22",
                ],
                ["extra"] = ["", "", "Non-GMO", "Kosher", "Gluten Free"],
            },
            Titles =
            [
                "{brand} {type}",
                "{brand} {type}, {extra}",
            ],
            Bullets =
            [
                "WHAT'S INSIDE: {type.2}.",
                "QUALITY INGREDIENTS: No artificial flavors, colors or preservatives.",
                "FRESHNESS: Packed in resealable packaging to lock in flavor.",
                "PANTRY STAPLE: Great for everyday enjoyment and gifting.",
            ],
            Descriptions =
            [
                "{brand} {type.1}: {type.2}.",
                "Stock your pantry with {brand} {type.1}.",
            ],
        },
    ];
}
