namespace ProductSearch.Server;

/// <summary>The service refuses to start (no key on a public address, an unreadable key file); the message says why, in one line.</summary>
public sealed class ServerStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerStartException(string message, Exception? inner = null) : base(message, inner) { }
}
