namespace ProductSearch.Indexing;

/// <summary>
/// An index schema that cannot be used (<see cref="ProductSearchErrorReason.InvalidInput"/>): a file that is not a
/// schema, a field it cannot hold, or a change of a field's type without a rebuild. The message names the field.
/// </summary>
public sealed class SchemaException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public SchemaException(string message, Exception? inner = null) : base(ProductSearchErrorReason.InvalidInput, message, inner) { }
}
