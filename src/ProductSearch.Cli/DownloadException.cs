namespace ProductSearch.Cli;

/// <summary>A file could not be fetched (network, HTTP status, a cut-off or stalled transfer); the message names the address.</summary>
internal sealed class DownloadException(string message, Exception? inner = null) : Exception(message, inner);
