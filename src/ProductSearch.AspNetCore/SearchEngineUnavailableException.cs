namespace ProductSearch.AspNetCore;

/// <summary>The engine could not be opened (missing or damaged index, unloadable model); the message says why.</summary>
public sealed class SearchEngineUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SearchEngineUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
