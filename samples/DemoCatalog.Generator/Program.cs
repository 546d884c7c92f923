using System.Globalization;
using DemoCatalog.Generator;

// Deterministic demo catalog generator.
// Usage: dotnet run --project samples/DemoCatalog.Generator -- samples/demo-catalog.jsonl [count]
//
// Determinism: a single seeded System.Random (its seeded algorithm is fixed across .NET versions),
// kinds processed in declaration order, and no Dictionary/HashSet enumeration anywhere in the output path.

const int Seed = 20_240_917;
const int DefaultCount = 3600;
const int MaxAttemptsPerProduct = 200;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string outputPath = args.Length > 0 ? args[0] : Path.Combine("samples", "demo-catalog.jsonl");
int count = DefaultCount;
if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
{
    Console.Error.WriteLine($"Invalid count '{args[1]}'. Usage: DemoCatalog.Generator <output.jsonl> [count]");
    return 2;
}

IReadOnlyList<ProductKind> kinds = CatalogDefinitions.All;
CatalogDefinitions.Validate(kinds);

var rng = new Random(Seed);
var composer = new ProductComposer(rng);
var usedTitles = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // membership test only
var products = new List<Product>(count);

int[] perKind = Allocate(count, kinds);
for (int k = 0; k < kinds.Count; k++)
{
    for (int n = 0; n < perKind[k]; n++)
    {
        products.Add(ComposeUnique(kinds[k]));
    }
}

// Interleave categories so ids do not cluster by category.
for (int i = products.Count - 1; i > 0; i--)
{
    int j = rng.Next(i + 1);
    (products[i], products[j]) = (products[j], products[i]);
}

CatalogWriter.Write(outputPath, products);

Console.WriteLine($"Wrote {products.Count} products to {outputPath}");
foreach (var group in products.GroupBy(p => p.Category[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group.Count(),5}  {group.Key}");
}

return 0;

Product ComposeUnique(ProductKind kind)
{
    for (int attempt = 0; attempt < MaxAttemptsPerProduct; attempt++)
    {
        Product product = composer.Compose(kind);
        if (usedTitles.Add(product.Title))
        {
            return product;
        }
    }

    throw new InvalidOperationException(
        $"Could not compose a distinct title for '{kind.Category}'; add vocabulary or lower its weight.");
}

// Largest-remainder apportionment of `total` over the kinds' weights (ties broken by declaration order).
static int[] Allocate(int total, IReadOnlyList<ProductKind> kinds)
{
    long weightSum = kinds.Sum(k => (long)k.Weight);
    var counts = new int[kinds.Count];
    var remainders = new long[kinds.Count];
    int assigned = 0;
    for (int i = 0; i < kinds.Count; i++)
    {
        long share = (long)total * kinds[i].Weight;
        counts[i] = (int)(share / weightSum);
        remainders[i] = share % weightSum;
        assigned += counts[i];
    }

    foreach (int i in Enumerable.Range(0, kinds.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(total - assigned))
    {
        counts[i]++;
    }

    return counts;
}
