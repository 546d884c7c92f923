namespace ProductSearch.Cli;

/// <summary>How far the download of one file has got.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Bytes">Bytes received so far.</param>
/// <param name="Total">The size the server announced, when it did.</param>
internal readonly record struct DownloadProgress(string Name, long Bytes, long? Total);
