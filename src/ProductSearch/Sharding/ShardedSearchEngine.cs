using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Ranking;

namespace ProductSearch.Sharding;

/// <summary>
/// A sharded index searched in this process: one <see cref="LocalShardSearcher"/> per shard under one
/// <see cref="ShardCoordinator"/>, each search on the cluster generation current when it starts. Answers as one index
/// holding every product would (see <see cref="ShardCoordinator"/> for what it does not do yet). Thread-safe.
/// </summary>
public sealed class ShardedSearchEngine : IDisposable
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
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Coordinator.SearchAsync(request, _layout.ReadGenerations().Generation, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterGenerationMovedException moved)
        {
            return await Coordinator.SearchAsync(request, moved.Current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the shards and the model.</summary>
    public void Dispose()
    {
        foreach (var shard in _shards) shard.Dispose();
        _embedder.Dispose();
    }
}
