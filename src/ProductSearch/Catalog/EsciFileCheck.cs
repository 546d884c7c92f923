namespace ProductSearch.Catalog;

/// <summary>A dataset file that passed its checks.</summary>
/// <param name="Path">The file checked.</param>
/// <param name="Rows">Its data rows (from the Parquet metadata, or the CSV's lines after the header).</param>
public sealed record EsciFileCheck(string Path, long Rows);
