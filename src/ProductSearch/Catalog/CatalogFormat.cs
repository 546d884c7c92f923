namespace ProductSearch.Catalog;

/// <summary>The file formats a catalog can come in.</summary>
public enum CatalogFormat
{
    /// <summary>JSON Lines: one JSON object a line, ESCI column names (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>).</summary>
    Jsonl,

    /// <summary>Comma-separated values with a header line (<c>.csv</c>); fields may be quoted and span lines.</summary>
    Csv,

    /// <summary>Tab-separated values with a header line (<c>.tsv</c>); quoted like <see cref="Csv"/>.</summary>
    Tsv,

    /// <summary>Apache Parquet with the ESCI product columns, as Amazon publishes the dataset (<c>.parquet</c>).</summary>
    Parquet,
}
