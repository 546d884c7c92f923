namespace ProductSearch.Indexing;

/// <summary>An index's <c>ranking-profile.json</c> that is not a valid ranking profile; the message names the file and the fault.</summary>
public sealed class RankingProfileException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public RankingProfileException(string path, string message, Exception? inner = null)
        : base(ProductSearchErrorReason.InvalidInput, message, inner) => Path = path;

    /// <summary>The profile file.</summary>
    public string Path { get; }
}
