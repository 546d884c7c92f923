using Microsoft.Extensions.Logging;
using ProductSearch.Embedding;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>
/// One shard's replica on this silo, over the silo's copy of the sharded index (<see cref="ReplicaFolder"/>): the
/// core's <see cref="LocalShardSearcher"/> answers the coordinator's questions on the cluster generation each search
/// names, and an engine on the shard's folder reads products by id.
/// </summary>
internal sealed class ShardReplica : IDisposable
{
    private ShardReplica(int shard, string replicaPath, LocalShardSearcher searcher, SearchEngine engine)
    {
        Shard = shard;
        ReplicaPath = replicaPath;
        Searcher = searcher;
        Engine = engine;
    }

    public int Shard { get; }

    /// <summary>The silo's copy of the sharded index this replica reads.</summary>
    public string ReplicaPath { get; }

    public LocalShardSearcher Searcher { get; }

    public SearchEngine Engine { get; }

    /// <summary>The cluster generation the silo's copy holds.</summary>
    public long ClusterGeneration => ReplicaFolder.Generation(ReplicaPath) ?? 0;

    /// <summary>Opens the shard of the copy (which must already hold it) and runs one query through it.</summary>
    public static ShardReplica Open(int shard, string replicaPath, ITextEmbedder embedder, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var searcher = new LocalShardSearcher(replicaPath, shard);
        SearchEngine? engine = null;
        try
        {
            engine = SearchEngine.Open(new SearchEngineOptions
            {
                IndexPath = new ShardedIndexLayout(replicaPath).ShardFolder(shard),
                RefreshInterval = TimeSpan.Zero, // refreshed when a copy lands, not by polling
                ResultCacheSize = 0,
            }, new SharedEmbedder(embedder), loggerFactory);
            // Warm: the first query pays for opening the stores' files; a replica takes traffic after that.
            engine.Search(new SearchRequest { Query = "warm", K = 1, Mode = SearchMode.Bm25 }, cancellationToken);
            return new ShardReplica(shard, replicaPath, searcher, engine);
        }
        catch
        {
            engine?.Dispose();
            searcher.Dispose();
            throw;
        }
    }

    /// <summary>After the copy moved to a newer cluster generation: the product engine follows (the searcher follows by itself).</summary>
    public void Refresh() => Engine.Refresh();

    public void Dispose()
    {
        Searcher.Dispose();
        Engine.Dispose();
    }
}
