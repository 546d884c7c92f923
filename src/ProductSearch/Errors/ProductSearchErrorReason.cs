namespace ProductSearch;

/// <summary>
/// Why an operation of the engine failed, in a form a caller can act on: the CLI turns it into advice and an exit
/// code, a server into an HTTP status. The engine's messages say what is wrong; what to do about it is the caller's.
/// </summary>
public enum ProductSearchErrorReason
{
    /// <summary>The index folder does not exist or holds no index.</summary>
    IndexNotFound,

    /// <summary>The index was written by another version or with another model than the one asked for (<see cref="Indexing.IndexIncompatibility"/> says how).</summary>
    IncompatibleIndex,

    /// <summary>A file of the index is missing, unreadable or not what was committed.</summary>
    DamagedIndex,

    /// <summary>Another writer holds the index; one writer at a time.</summary>
    IndexBusy,

    /// <summary>The input (a catalog, a judgments file, a settings file) cannot be used as it is.</summary>
    InvalidInput,

    /// <summary>The embedding model cannot be loaded or run.</summary>
    ModelUnavailable,

    /// <summary>A store could not be written or read for a reason outside the index itself (a full disk, a read-only folder, a native failure).</summary>
    StorageFailed,

    /// <summary>The index's learned ranker was trained on features this version no longer computes: retrain it.</summary>
    IncompatibleRanker,
}
