namespace ProductSearch.Catalog;

/// <summary>One file of Amazon's Shopping Queries Dataset (ESCI), where it is published and what it must hold.</summary>
/// <param name="Name">The file name, e.g. <c>shopping_queries_dataset_products.parquet</c>.</param>
/// <param name="Source">Where the dataset's publisher serves the file.</param>
/// <param name="Columns">The columns it must have (Parquet) or its header, in order (CSV).</param>
/// <param name="Bytes">Its size as published (from the repository's Git LFS pointer), when known.</param>
/// <param name="Sha256">Its SHA-256 as published (lowercase hex, from the Git LFS pointer), when known.</param>
public sealed record EsciDatasetFile(string Name, Uri Source, IReadOnlyList<string> Columns, long? Bytes = null, string? Sha256 = null)
{
    /// <summary>Whether the file is Parquet (else CSV), by its name.</summary>
    public bool IsParquet => Name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
