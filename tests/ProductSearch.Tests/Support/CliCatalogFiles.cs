using ProductSearch.Indexing;

namespace ProductSearch.Tests.Support;

/// <summary>A small catalog as the CLI reads it (JSONL) with an index built from it by the real model, and a file of title changes.</summary>
internal static class CliCatalogFiles
{
    /// <summary>
    /// Writes <paramref name="count"/> tiny products to <c>catalog.jsonl</c> in <paramref name="temp"/>, builds
    /// <paramref name="index"/> from it with MiniLM, and writes <c>changes.jsonl</c>: the first <paramref name="changed"/>
    /// products with a new title (so an upsert of it embeds them again).
    /// </summary>
    public static Task<string> BuildWithTitleChangesAsync(TempFolder temp, string index, int count, int changed) =>
        BuildWithChangesAsync(temp, index, count, changed, "product_title");

    /// <summary>
    /// As <see cref="BuildWithTitleChangesAsync"/>, with the first <paramref name="changed"/> products changed in
    /// <paramref name="field"/> (<c>product_title</c>: embedded again; <c>product_brand</c>: only the stored product changes).
    /// </summary>
    public static async Task<string> BuildWithChangesAsync(TempFolder temp, string index, int count, int changed, string field)
    {
        var catalog = temp.File("catalog.jsonl");
        File.WriteAllLines(catalog, TinyIndex.Products(count).Select(p => System.Text.Json.JsonSerializer.Serialize(new { product_id = p.Id, product_title = p.Title, product_brand = p.Brand })));
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(catalog, index);
        var changes = temp.File("changes.jsonl");
        File.WriteAllLines(changes, File.ReadLines(catalog).Take(changed).Select(l => l.Replace($"\"{field}\":\"", $"\"{field}\":\"changed ", StringComparison.Ordinal)));
        return changes;
    }
}
