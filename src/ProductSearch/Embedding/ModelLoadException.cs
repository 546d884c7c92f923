namespace ProductSearch.Embedding;

/// <summary>A model folder or ONNX graph that cannot be used; the message names the file and the folder.</summary>
public sealed class ModelLoadException : ProductSearchException
{
    /// <summary>Creates the exception.</summary>
    public ModelLoadException(string message, Exception? inner = null) : base(ProductSearchErrorReason.ModelUnavailable, message, inner) { }
}
