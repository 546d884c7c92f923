namespace ProductSearch.Indexing;

/// <summary>An index folder that is missing, unreadable, or does not fit the model asked for; the message names the folder.</summary>
public sealed class IndexException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IndexException(string message, Exception? inner = null) : base(message, inner) { }
}
