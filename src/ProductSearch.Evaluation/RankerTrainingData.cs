using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProductSearch.Ranking;

namespace ProductSearch.Evaluation;

/// <summary>
/// Gathers a learned ranker's training data from an open engine: for each judged query, the first candidates of its
/// hybrid ranking with their features (<see cref="SearchEngine.RankerCandidates"/>, the code searches run), and
/// counts of judged products the index lacks.
/// </summary>
public static class RankerTrainingData
{
    /// <summary>Collects the first <paramref name="depth"/> fused candidates of every query in <paramref name="queries"/>.</summary>
    /// <param name="engine">The engine searching the index (its ranking profile fuses the candidates).</param>
    /// <param name="queries">The judged queries.</param>
    /// <param name="depth">Candidates per query (the profile's <see cref="RankingProfile.RerankDepth"/> when searches should match).</param>
    /// <param name="indexedProductIds">The ids the index holds (<see cref="Indexing.IndexedProductIds"/>), to count judged products it lacks; <c>null</c> skips the count.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static RankerTrainingSet Collect(SearchEngine engine, IReadOnlyList<QueryJudgments> queries, int depth,
        IReadOnlySet<string>? indexedProductIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(queries);
        var collected = queries
            .Select(q => new RankerTrainingQuery(q, engine.RankerCandidates(new SearchRequest { Query = q.Query, K = 1 }, depth, cancellationToken)))
            .ToArray();
        var judged = queries.SelectMany(q => q.Labels.Keys).ToHashSet(StringComparer.Ordinal);
        var manifest = engine.Manifest;
        return new RankerTrainingSet
        {
            Queries = collected,
            Depth = depth,
            NegationDemotion = engine.DefaultProfile.NegationDemotion,
            JudgedProducts = judged.Count,
            JudgedProductsNotInIndex = indexedProductIds is null ? 0 : judged.Count(id => !indexedProductIds.Contains(id)),
            QueriesWithProductsNotInIndex = indexedProductIds is null ? 0 : queries.Count(q => q.Labels.Keys.Any(id => !indexedProductIds.Contains(id))),
            Fingerprint = Fingerprint(queries, depth, $"{manifest.Generation}|{manifest.Model.Sha256}"),
        };
    }

    /// <summary>SHA-256 (hex) of the judgments (queries in order, labels sorted by product id), the feature set, the depth and <paramref name="index"/>.</summary>
    public static string Fingerprint(IReadOnlyList<QueryJudgments> queries, int depth, string index)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var text = new StringBuilder().Append(RankerFeatures.Version).Append('\n').Append(depth.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(index).Append('\n');
        foreach (var query in queries)
        {
            text.Append(query.QueryId).Append('\t').Append(query.Query).Append('\n');
            foreach (var (product, label) in query.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) text.Append(product).Append('=').Append((int)label).Append(';');
            text.Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
