using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>
/// P/Invoke declarations for the USearch C API (<c>c/usearch.h</c>, v2.x) in <c>libusearch_c</c>.
/// Every call takes a <c>usearch_error_t*</c> last: the library writes a static/leaked message pointer there on
/// failure and leaves it untouched on success, so callers must pass a pointer to a zeroed <see cref="nint"/>
/// (a raw pointer instead of <c>out</c> guarantees that, because the stub never skips initialization).
/// Error strings must not be freed.
/// </summary>
internal static unsafe partial class UsearchNative
{
    private const string Library = "libusearch_c";

    [LibraryImport(Library)]
    public static partial UsearchIndexHandle usearch_init(UsearchInitOptions* options, nint* error);

    // Raw pointer, not the SafeHandle: this runs from the handle's own ReleaseHandle.
    [LibraryImport(Library)]
    public static partial void usearch_free(nint index, nint* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void usearch_save(UsearchIndexHandle index, string path, nint* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void usearch_load(UsearchIndexHandle index, string path, nint* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void usearch_metadata(string path, UsearchInitOptions* options, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_serialized_length(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_size(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_capacity(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_dimensions(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_expansion_search(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_memory_usage(UsearchIndexHandle index, nint* error);

    [LibraryImport(Library)]
    public static partial void usearch_reserve(UsearchIndexHandle index, nuint capacity, nint* error);

    [LibraryImport(Library)]
    public static partial void usearch_change_expansion_search(UsearchIndexHandle index, nuint expansion, nint* error);

    [LibraryImport(Library)]
    public static partial void usearch_change_threads_add(UsearchIndexHandle index, nuint threads, nint* error);

    [LibraryImport(Library)]
    public static partial void usearch_change_threads_search(UsearchIndexHandle index, nuint threads, nint* error);

    [LibraryImport(Library)]
    public static partial void usearch_add(
        UsearchIndexHandle index, ulong key, float* vector, UsearchScalarKind kind, nint* error);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)] // C99 bool is one byte
    public static partial bool usearch_contains(UsearchIndexHandle index, ulong key, nint* error);

    // Copies the stored vector(s) under a key into `vector`, converted to `kind`; returns how many were found (0: absent).
    [LibraryImport(Library)]
    public static partial nuint usearch_get(
        UsearchIndexHandle index, ulong key, nuint count, float* vector, UsearchScalarKind kind, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_remove(UsearchIndexHandle index, ulong key, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_search(
        UsearchIndexHandle index, float* query, UsearchScalarKind kind, nuint count,
        ulong* keys, float* distances, nint* error);

    [LibraryImport(Library)]
    public static partial nuint usearch_filtered_search(
        UsearchIndexHandle index, float* query, UsearchScalarKind kind, nuint count,
        delegate* unmanaged[Cdecl]<ulong, void*, int> filter, void* filterState,
        ulong* keys, float* distances, nint* error);
}
