namespace ProductSearch.Indexing;

/// <summary>Progress of a build: products embedded and stored so far.</summary>
/// <param name="ProductsDone">Products written so far.</param>
/// <param name="BytesRead">Catalog bytes read so far, when known.</param>
/// <param name="BytesTotal">Catalog size, when known.</param>
public readonly record struct IndexBuildProgress(long ProductsDone, long BytesRead, long BytesTotal);
