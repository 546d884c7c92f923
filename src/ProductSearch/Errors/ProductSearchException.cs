namespace ProductSearch;

/// <summary>
/// The root of the engine's own errors. <see cref="Reason"/> says what kind of failure it is, so a caller can decide
/// what to do without reading the message; the message names what is wrong (the file, the value, the field).
/// Argument checks on requests still throw <see cref="ArgumentException"/>, as .NET APIs do.
/// </summary>
public abstract class ProductSearchException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ProductSearchException(ProductSearchErrorReason reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>What kind of failure this is.</summary>
    public ProductSearchErrorReason Reason { get; }
}
