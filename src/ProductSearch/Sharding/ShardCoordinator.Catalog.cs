using System.Text;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Search;

namespace ProductSearch.Sharding;

/// <summary>What a storefront asks besides searches, answered over the shards as one index holding every product would.</summary>
public sealed partial class ShardCoordinator
{
    /// <summary>
    /// The suggestions one index holding every product gives (<see cref="SearchEngine.Suggest"/>) with no past queries:
    /// the catalog words completing the text, chosen by the same rules from the shards' word counts summed (asked in
    /// rounds, as for a search), then the brands beginning with the text, from each shard's first brands in name order
    /// merged with their counts summed. Past queries are not offered: no shard keeps shoppers' searches.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="SearchEngine.MaxSuggestionPrefixLength"/>, or <paramref name="max"/> is not 1–20.</exception>
    /// <exception cref="ClusterGenerationMovedException">A newer cluster generation was committed meanwhile; ask again on it.</exception>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        SuggestionRules.Check(text, max);
        if (SuggestionRules.Parse(text) is not { } typed) return [];
        var brands = Task.WhenAll(_shards.Select(s => s.BrandsStartingWithAsync(typed.BrandPrefix, Bm25Searcher.MaxTermsScanned, clusterGeneration, cancellationToken)));
        var answers = CatalogAnswers.None;
        for (var round = 1; ; round++)
        {
            var words = new AnsweredCatalogWords(answers);
            var completions = SuggestionRules.Completions(words, typed, max);
            if (words.Missing is { IsEmpty: false } missing)
            {
                answers = await AskAsync(answers, missing, round, clusterGeneration, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var mostHeld = Bm25Searcher.MostHeld(FirstInTermOrder(await brands.ConfigureAwait(false), Bm25Searcher.MaxTermsScanned), max);
            return SuggestionRules.Choose(typed, [], completions, mostHeld, max);
        }
    }

    /// <summary>The first-level categories with their product counts summed over the shards, in one index's order (most products first, then by name).</summary>
    /// <exception cref="ClusterGenerationMovedException">A newer cluster generation was committed meanwhile; ask again on it.</exception>
    public async Task<IReadOnlyList<CategoryCount>> GetTopLevelCategoriesAsync(long clusterGeneration, CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(_shards.Select(s => s.TopLevelCategoriesAsync(clusterGeneration, cancellationToken))).ConfigureAwait(false);
        return counts.SelectMany(c => c).MostProductsFirst();
    }

    /// <summary>The product with catalog id <paramref name="productId"/>, read from the one shard that can hold it (<see cref="ShardRouter"/>), or <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="SearchEngine.MaxProductIdLength"/>.</exception>
    /// <exception cref="ClusterGenerationMovedException">A newer cluster generation was committed meanwhile; ask again on it.</exception>
    public Task<Product?> GetProductAsync(string productId, long clusterGeneration, CancellationToken cancellationToken = default)
    {
        SearchEngine.CheckProductId(productId);
        return _shards[new ShardRouter(_shards.Count).ShardOf(productId)].ProductAsync(productId, clusterGeneration, cancellationToken);
    }

    /// <summary>
    /// The shards' schemas merged: every field any shard has. Shards that disagree about a field (each infers the
    /// attributes its own products bring) are settled as one index would settle it: a type that differs is keyword, as
    /// one index types an attribute whose values disagree, with the flags of the first shard that has it as keyword;
    /// flags that differ otherwise are the lowest-numbered shard's.
    /// </summary>
    /// <exception cref="ClusterGenerationMovedException">A newer cluster generation was committed meanwhile; ask again on it.</exception>
    /// <remarks>
    /// A schema changes only with a commit, and a storefront asks for it with every faceted search, so the merged
    /// schema of the newest cluster generation asked about is kept (<see cref="ShardCoordinatorCache"/>) and the shards
    /// are asked again only for another one.
    /// </remarks>
    public async Task<IndexSchema> GetSchemaAsync(long clusterGeneration, CancellationToken cancellationToken = default)
    {
        if (_cache.Schema(clusterGeneration) is { } known) return known;
        var schema = ShardSchemas.Merge(await Task.WhenAll(_shards.Select(s => s.SchemaAsync(clusterGeneration, cancellationToken))).ConfigureAwait(false));
        _cache.KeepSchema(clusterGeneration, schema);
        return schema;
    }

    /// <summary>
    /// The first <paramref name="limit"/> terms of all shards together, in term order (Lucene's: UTF-8 bytes), with the
    /// counts of a term summed: each shard's first <paramref name="limit"/> hold every one of them.
    /// </summary>
    private static IEnumerable<WordCount> FirstInTermOrder(IEnumerable<IReadOnlyList<WordCount>> shards, int limit) =>
        shards.SelectMany(s => s).GroupBy(t => t.Word, StringComparer.Ordinal).Select(g => new WordCount(g.Key, g.Sum(t => t.Count)))
            .OrderBy(t => Encoding.UTF8.GetBytes(t.Word), Utf8Order).Take(limit);

    private static readonly Comparer<byte[]> Utf8Order = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));
}
