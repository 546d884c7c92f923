using System.Collections.Concurrent;
using ProductSearch.Catalog;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// How a keyword facet value is shown: filters index values lowercased (<see cref="FilterField.Normalize"/>), but a
/// shopper should see "Lumora" and "White", as the catalog writes them. The first product found holding a value gives its
/// written form, read from the store once per commit and value; later searches find it in memory.
/// </summary>
internal sealed class FacetDisplay(ProductStore store)
{
    private readonly ConcurrentDictionary<(string Field, string Term), string> _shown = new();

    public string Of(string field, string term, long exampleKey) =>
        _shown.GetOrAdd((field, term), static (k, state) => Written(state.store.Get(state.exampleKey), k.Field, k.Term) ?? k.Term, (store, exampleKey));

    /// <summary>The product's own spelling of <paramref name="term"/> in <paramref name="field"/>, or <c>null</c>.</summary>
    private static string? Written(Product? product, string field, string term)
    {
        if (product is null) return null;
        var candidates = field switch
        {
            "brand" => new[] { product.Brand },
            "color" => new[] { product.Color },
            "locale" => new[] { product.Locale },
            "category" => product.Categories.ToArray<string?>(),
            _ => new[] { product.Attributes.TryGetValue(field, out var value) ? value.ToString() : null },
        };
        return candidates.FirstOrDefault(c => c is not null && FilterField.Normalize(c) == term)?.Trim();
    }
}
