using System.Diagnostics.CodeAnalysis;

namespace ProductSearch.AspNetCore;

/// <summary>
/// Where an app's searches go, as its endpoints see it: one index opened in this process (<see cref="SearchEngineProvider"/>,
/// registered by <c>AddProductSearch</c>) or a cluster (registered by <c>AddProductSearchCluster</c> in
/// ProductSearch.Cluster). Endpoints written against it run unchanged on either.
/// </summary>
public interface IProductSearchSource
{
    /// <summary>What the app may show of where it searches: an index folder's name (never its path), or a cluster's id.</summary>
    string Name { get; }

    /// <summary>The index folder's full path when the searches run on one in this process, so that reasons can be redacted of it; otherwise <c>null</c>.</summary>
    string? IndexPath { get; }

    /// <summary>The name of the health check that reports this source (its data carries the index's or cluster's figures).</summary>
    string HealthCheckName { get; }

    /// <summary>The catalog to search; <c>false</c> with the reason when it cannot answer now (an index not built yet or damaged).</summary>
    bool TryGetSearch([NotNullWhen(true)] out IProductSearch? search, [NotNullWhen(false)] out string? reason);

    /// <summary>
    /// Tells the source of an error a request met (a damaged store...), so that its health check can take the app out
    /// of a load balancer's rotation when the error says the catalog is damaged; other errors are ignored.
    /// </summary>
    void ReportSearchFailure(ProductSearchException error);
}
