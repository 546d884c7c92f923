using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>
/// Per-call state for <c>usearch_filtered_search</c>. A <see cref="GCHandle"/> to the instance travels through the
/// native <c>void* state</c> argument, so concurrent searches with different filters never share state and the
/// callback itself can be one static <see cref="UnmanagedCallersOnlyAttribute"/> function (no delegate to keep alive).
/// </summary>
internal sealed unsafe class NativeFilter
{
    private readonly Func<ulong, bool> _predicate;

    public NativeFilter(Func<ulong, bool> predicate) => _predicate = predicate;

    /// <summary>Function pointer handed to USearch: <c>int (*)(usearch_key_t key, void* state)</c>, non-zero accepts.</summary>
    public static delegate* unmanaged[Cdecl]<ulong, void*, int> Callback => &Invoke;

    /// <summary>
    /// First exception thrown by the predicate. An exception must never unwind through native frames (that
    /// would kill the process), so it is parked here and rethrown once the native search has returned.
    /// </summary>
    public Exception? Error { get; private set; }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Invoke(ulong key, void* state)
    {
        var self = (NativeFilter)GCHandle.FromIntPtr((nint)state).Target!;
        if (self.Error is not null)
        {
            return 0; // reject everything so the traversal winds down quickly
        }

        try
        {
            return self._predicate(key) ? 1 : 0;
        }
        catch (Exception ex)
        {
            self.Error = ex;
            return 0;
        }
    }
}
