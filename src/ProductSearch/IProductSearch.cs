using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch;

/// <summary>
/// What a shop's front end asks of a catalog — search, as-you-type suggestions, departments, a product page, and the
/// fields it may facet on — whoever answers: one index in this process (<see cref="SearchEngine"/>), a sharded index
/// (<see cref="Sharding.ShardedSearchEngine"/>), or a cluster of machines. A storefront written against this interface
/// runs unchanged on any of them; each answers exactly as one index holding the same products would.
/// </summary>
public interface IProductSearch
{
    /// <summary>Searches the catalog.</summary>
    /// <exception cref="ArgumentException">The request does not fit the index (an unknown filter field...); the message names it.</exception>
    /// <exception cref="ProductSearchException">The index or a part of it cannot answer; the message says why.</exception>
    Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> completions of <paramref name="text"/>, whose last word is being typed
    /// (see <see cref="SearchEngine.Suggest"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="SearchEngine.MaxSuggestionPrefixLength"/>, or <paramref name="max"/> is not 1–20.</exception>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max = 5, CancellationToken cancellationToken = default);

    /// <summary>The catalog's first-level categories with their product counts, most products first (ties by name, ordinal).</summary>
    Task<IReadOnlyList<CategoryCount>> GetTopLevelCategoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>The product with catalog id <paramref name="productId"/> (compared exactly), or <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="SearchEngine.MaxProductIdLength"/>.</exception>
    Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary>The schema of the commit being searched: which fields exist and which can be filtered, faceted and sorted on.</summary>
    Task<IndexSchema> GetSchemaAsync(CancellationToken cancellationToken = default);
}
