using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Sharding;

/// <summary>
/// A sharded index searched in this process: one <see cref="LocalShardSearcher"/> per shard under one
/// <see cref="ShardCoordinator"/>, each search on the cluster generation current when it starts. Answers as one index
/// holding every product would (see <see cref="ShardCoordinator"/> for what it does not do yet). Thread-safe. As an
/// <see cref="IProductSearch"/> it suggests without past queries: it keeps no log of shoppers' searches, so its
/// suggestions are those of one index with <see cref="PastQueryOptions.MaxQueries"/> 0.
/// </summary>
public sealed class ShardedSearchEngine : IProductSearch, IDisposable
{
    private readonly ShardedIndexLayout _layout;
    private readonly LocalShardSearcher[] _shards;
    private readonly ITextEmbedder _embedder;

    private ShardedSearchEngine(ShardedIndexLayout layout, ClusterManifest manifest, LocalShardSearcher[] shards, ITextEmbedder embedder, RankingProfile? profile)
    {
        _layout = layout;
        Manifest = manifest;
        _shards = shards;
        _embedder = embedder;
        Coordinator = new ShardCoordinator(shards, embedder, profile);
    }

    /// <summary>The index's <c>cluster.json</c>.</summary>
    public ClusterManifest Manifest { get; }

    /// <summary>The coordinator over the shards.</summary>
    public ShardCoordinator Coordinator { get; }

    /// <summary>The shards, in shard order.</summary>
    public IReadOnlyList<LocalShardSearcher> Shards => _shards;

    /// <summary>The cluster generation searches read now, with each shard's commit.</summary>
    /// <exception cref="IndexException">The index has no commit yet, or <c>generations.json</c> is damaged.</exception>
    public ClusterGenerations Generations => _layout.ReadGenerations();

    /// <summary>Opens the sharded index at <paramref name="indexPath"/>; <paramref name="embedder"/> must be its model and is disposed with the engine.</summary>
    /// <exception cref="IndexException">The folder holds no sharded index, or it is damaged.</exception>
    /// <exception cref="IncompatibleIndexException">The index is embedded with another model.</exception>
    public static ShardedSearchEngine Open(string indexPath, ITextEmbedder embedder, RankingProfile? defaultProfile = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var layout = new ShardedIndexLayout(indexPath);
        var manifest = layout.ReadManifest();
        if (!manifest.Model.Matches(embedder))
            throw new IncompatibleIndexException(IndexIncompatibility.OtherModel, layout.Root,
                $"Sharded index '{layout.Root}' is embedded with '{manifest.Model.Name}', not '{embedder.ModelName}'.");
        layout.ReadGenerations(); // an index with no commit fails here, not at its first search
        var shards = Enumerable.Range(0, manifest.ShardCount).Select(s => new LocalShardSearcher(layout.Root, s)).ToArray();
        return new ShardedSearchEngine(layout, manifest, shards, embedder, defaultProfile);
    }

    /// <summary>Answers <paramref name="request"/> on the current cluster generation (and on the next one, once, if a commit lands meanwhile).</summary>
    /// <exception cref="ArgumentException">A parameter of the request is out of range; the message names it.</exception>
    /// <exception cref="NotSupportedException">The request asks for what sharded searches do not do yet (see <see cref="ShardCoordinator"/>).</exception>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        OnCurrentGenerationAsync(generation => Coordinator.SearchAsync(request, generation, cancellationToken));

    /// <summary>
    /// Up to <paramref name="max"/> completions of <paramref name="text"/>: those of one index holding every product,
    /// past queries aside (see <see cref="ShardCoordinator.SuggestAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="SearchEngine.MaxSuggestionPrefixLength"/>, or <paramref name="max"/> is not 1–20.</exception>
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max = 5, CancellationToken cancellationToken = default) =>
        OnCurrentGenerationAsync(generation => Coordinator.SuggestAsync(text, max, generation, cancellationToken));

    /// <summary>The first-level categories with their product counts summed over the shards, most products first (ties by name, ordinal).</summary>
    public Task<IReadOnlyList<CategoryCount>> GetTopLevelCategoriesAsync(CancellationToken cancellationToken = default) =>
        OnCurrentGenerationAsync(generation => Coordinator.GetTopLevelCategoriesAsync(generation, cancellationToken));

    /// <summary>The product with catalog id <paramref name="productId"/> (compared exactly), read from its shard, or <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty, blank or longer than <see cref="SearchEngine.MaxProductIdLength"/>.</exception>
    public Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
        OnCurrentGenerationAsync(generation => Coordinator.GetProductAsync(productId, generation, cancellationToken));

    /// <summary>The shards' schemas merged (see <see cref="ShardCoordinator.GetSchemaAsync"/> for shards that disagree).</summary>
    public Task<IndexSchema> GetSchemaAsync(CancellationToken cancellationToken = default) =>
        OnCurrentGenerationAsync(generation => Coordinator.GetSchemaAsync(generation, cancellationToken));

    /// <summary>Asks on the current cluster generation, and on the next one, once, if a commit lands meanwhile.</summary>
    private async Task<T> OnCurrentGenerationAsync<T>(Func<long, Task<T>> ask)
    {
        try
        {
            return await ask(_layout.ReadGenerations().Generation).ConfigureAwait(false);
        }
        catch (ClusterGenerationMovedException moved)
        {
            return await ask(moved.Current).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the shards and the model.</summary>
    public void Dispose()
    {
        foreach (var shard in _shards) shard.Dispose();
        _embedder.Dispose();
    }
}
