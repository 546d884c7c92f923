using ProductSearch.Lexical;
using ProductSearch.Sharding;

namespace ProductSearch.Tests.Sharding;

/// <summary>A shard that reports no BM25 statistics, so that every shard scores with its own: the counter-check of the equality tests.</summary>
internal sealed class OwnStatisticsShard(IShardSearcher shard) : IShardSearcher
{
    public Task<CatalogAnswers> AnswerAsync(CatalogQuestions questions, long clusterGeneration, CancellationToken cancellationToken = default) =>
        shard.AnswerAsync(questions, clusterGeneration, cancellationToken);

    public Task<ShardPlan> PlanAsync(ShardQuery query, CancellationToken cancellationToken = default) => shard.PlanAsync(query, cancellationToken);

    public Task<GlobalStatistics> StatisticsAsync(ShardQuery query, CancellationToken cancellationToken = default) => Task.FromResult(new GlobalStatistics());

    public Task<ShardCandidates> RetrieveAsync(ShardQuery query, GlobalStatistics statistics, int depth, CancellationToken cancellationToken = default) =>
        shard.RetrieveAsync(query, statistics, depth, cancellationToken);

    public Task<IReadOnlyList<ShardProduct>> FetchAsync(ShardQuery query, IReadOnlyList<long> keys, CancellationToken cancellationToken = default) =>
        shard.FetchAsync(query, keys, cancellationToken);
}
