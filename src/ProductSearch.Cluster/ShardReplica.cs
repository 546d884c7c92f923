using Microsoft.Extensions.Logging;
using ProductSearch.Embedding;

namespace ProductSearch.Cluster;

/// <summary>
/// One shard's replica on this silo: a copy of the shard's committed generation in the silo's own folder and the
/// engine open on it. It catches up by copying a newer generation and refreshing the engine, never by re-indexing.
/// </summary>
internal sealed class ShardReplica : IDisposable
{
    private readonly string _source;
    private readonly SemaphoreSlim _catchUp = new(1, 1);

    private ShardReplica(int shard, string source, string path, SearchEngine engine)
    {
        Shard = shard;
        _source = source;
        Path = path;
        Engine = engine;
    }

    public int Shard { get; }

    /// <summary>The replica's own index folder.</summary>
    public string Path { get; }

    public SearchEngine Engine { get; }

    public long Generation => Engine.Manifest.Generation;

    /// <summary>When the replica answered its warm-up query: from then on it takes queries.</summary>
    public DateTimeOffset WarmedAt { get; private set; }

    /// <summary>Copies the shard's committed generation from <paramref name="source"/> (unless already here), opens it and runs one query through it.</summary>
    public static ShardReplica Open(int shard, string source, string path, ITextEmbedder embedder, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        GenerationCopier.CopyCurrent(source, path, cancellationToken);
        var engine = SearchEngine.Open(new SearchEngineOptions
        {
            IndexPath = path,
            RefreshInterval = TimeSpan.Zero, // refreshed when a copy lands, not by polling
            ResultCacheSize = 0, // the coordinator's answer is the one worth caching
        }, new SharedEmbedder(embedder), loggerFactory);
        var replica = new ShardReplica(shard, source, path, engine);
        try
        {
            // Warm: the first query pays for opening the stores' files; a replica takes traffic after that.
            engine.Search(new SearchRequest { Query = "warm", K = 1, Mode = SearchMode.Bm25 }, cancellationToken);
            replica.WarmedAt = DateTimeOffset.UtcNow;
            return replica;
        }
        catch
        {
            replica.Dispose();
            throw;
        }
    }

    /// <summary>Copies the shard's newer generation, if any, and switches the engine to it.</summary>
    /// <returns>The generation the replica serves afterwards.</returns>
    public async Task<long> CatchUpAsync(long atLeast, CancellationToken cancellationToken)
    {
        if (Generation >= atLeast && atLeast > 0) return Generation;
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            await Task.Run(() => GenerationCopier.CopyCurrent(_source, Path, cancellationToken), cancellationToken);
            Engine.Refresh();
            return Generation;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    public void Dispose()
    {
        Engine.Dispose();
        _catchUp.Dispose();
    }
}
