using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>What an index run changed.</summary>
/// <param name="IndexPath">The index folder.</param>
/// <param name="Manifest">The current manifest after the run (unchanged when nothing changed).</param>
/// <param name="Catalog">What reading the catalog met, for runs that read one.</param>
/// <param name="Added">Products new to the index.</param>
/// <param name="Updated">Products whose stored fields changed.</param>
/// <param name="Unchanged">Products found exactly as stored.</param>
/// <param name="Deleted">Products removed.</param>
/// <param name="Embedded">Products whose title was embedded (new, or their title changed).</param>
/// <param name="DuplicateIds">Ids that came more than once in the input; the last occurrence won.</param>
/// <param name="NotFound">Ids asked to be deleted that the index did not hold.</param>
/// <param name="Committed">Whether a new generation was committed (false when nothing changed).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record IndexCommitReport(string IndexPath, IndexManifest Manifest, CatalogReadReport? Catalog,
    int Added, int Updated, int Unchanged, int Deleted, int Embedded, int DuplicateIds, int NotFound, bool Committed, TimeSpan Elapsed)
{
    /// <summary>
    /// After <see cref="IndexWriter.SetMerchandisingRules"/>: the products the rules pin or hide that the index does not
    /// hold (the rules are kept, and apply to them once they are indexed); empty otherwise.
    /// </summary>
    public IReadOnlyList<Merchandising.RuleProduct> UnknownRuleProducts { get; init; } = [];

    /// <summary>Bytes the commit shared with the previous generation by hard link, and bytes it copied (tests and benchmarks read them).</summary>
    internal (long Linked, long Copied) CarriedBytes { get; init; }
}
