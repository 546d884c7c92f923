namespace ProductSearch.Evaluation;

/// <summary>
/// The one thing an evaluation needs from a search system: the product ids it ranks for a query, best first.
/// <see cref="EngineSearch.For"/> adapts a <see cref="SearchEngine"/>; a test can pass a fixed ranking.
/// </summary>
/// <param name="query">The query text.</param>
/// <param name="mode">Which retrievers answer.</param>
/// <param name="depth">How many results to return at most.</param>
/// <param name="cancellationToken">Cancels the search.</param>
public delegate Task<IReadOnlyList<string>> RankedSearch(string query, SearchMode mode, int depth, CancellationToken cancellationToken);
