using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>What a build did.</summary>
/// <param name="IndexPath">The index folder.</param>
/// <param name="Manifest">The manifest committed.</param>
/// <param name="Catalog">What reading the catalog met (skipped lines and why).</param>
/// <param name="DuplicateIds">Products whose id came again later in the catalog (the last one wins).</param>
/// <param name="Elapsed">Wall time of the build.</param>
public sealed record IndexBuildReport(string IndexPath, IndexManifest Manifest, CatalogReadReport Catalog, int DuplicateIds, TimeSpan Elapsed);
