using System.Text.Json;
using ProductSearch.Embedding;
using ProductSearch.Indexing;

namespace ProductSearch.Storefront.Tests.Support;

/// <summary>
/// A small real index, built once for the whole test run: the demo catalog's girls' shoes (so a shopper's
/// <c>girls white shoes</c> has several brands to filter by) plus every 20th other product, about 300 in all,
/// embedded with the default model — the model the storefront loads, so the app opens it as it opens any index.
/// </summary>
public sealed class TestIndex : IDisposable
{
    private static readonly Lazy<TestIndex> Shared = new(() => new TestIndex());

    private TestIndex()
    {
        Root = Path.Combine(Path.GetTempPath(), "productsearch-storefront-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        CatalogPath = Path.Combine(Root, "catalog.jsonl");
        Products = WriteCatalog(CatalogPath);
        IndexPath = Path.Combine(Root, "index");
        using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = BuiltInModels.DefaultName, Device = ComputeDevice.Cpu });
        new IndexBuilder(embedder, BuiltInModels.DefaultName).BuildAsync(CatalogPath, IndexPath).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The index, built on first use.</summary>
    public static TestIndex Instance => Shared.Value;

    /// <summary>A temporary folder the index and its catalog live in.</summary>
    public string Root { get; }

    public string CatalogPath { get; }

    public string IndexPath { get; }

    /// <summary>The products indexed, by id, as the catalog holds them.</summary>
    public IReadOnlyDictionary<string, JsonElement> Products { get; }

    /// <summary>A fresh temporary folder beside the index, for tests that need a broken copy.</summary>
    public string NewFolder()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static Dictionary<string, JsonElement> WriteCatalog(string path)
    {
        var kept = new List<string>();
        var products = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(DemoCatalogPath()))
        {
            using var document = JsonDocument.Parse(line);
            var categories = document.RootElement.TryGetProperty("category", out var c) ? c.EnumerateArray().Select(e => e.GetString()).ToArray() : [];
            var girlsShoes = categories.Contains("Girls") && categories.Contains("Shoes");
            if (girlsShoes || number++ % 20 == 0)
            {
                kept.Add(line);
                products[document.RootElement.GetProperty("product_id").GetString()!] = document.RootElement.Clone();
            }
        }
        File.WriteAllLines(path, kept);
        return products;
    }

    private static string DemoCatalogPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "demo-catalog.jsonl");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("samples/demo-catalog.jsonl not found above the test output folder.");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
