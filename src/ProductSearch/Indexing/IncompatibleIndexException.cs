namespace ProductSearch.Indexing;

/// <summary>How an index does not fit the version or model that tries to use it.</summary>
public enum IndexIncompatibility
{
    /// <summary>Its BM25 index was analysed by an older version; an index or upsert run re-analyses the stored products without re-embedding.</summary>
    OlderLexicalAnalysis,

    /// <summary>Its layout version is not one this version reads (newer, or older than it still reads); it must be rebuilt by this version, or used by the version that wrote it.</summary>
    OtherLayout,

    /// <summary>It was built with another embedding model than the one given.</summary>
    OtherModel,
}

/// <summary>An index written by another version, or with another model, than the one trying to use it.</summary>
public sealed class IncompatibleIndexException : IndexException
{
    /// <summary>Creates the exception.</summary>
    public IncompatibleIndexException(IndexIncompatibility incompatibility, string indexPath, string message)
        : base(ProductSearchErrorReason.IncompatibleIndex, indexPath, message) => Incompatibility = incompatibility;

    /// <summary>How it does not fit.</summary>
    public IndexIncompatibility Incompatibility { get; }
}
