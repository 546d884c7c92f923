using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>
/// Owns a native <c>usearch_index_t</c>. Being a <see cref="SafeHandle"/>, every P/Invoke that takes it
/// ref-counts it, so disposing the index while another thread is mid-search defers <c>usearch_free</c>
/// until that call returns instead of freeing memory under it.
/// </summary>
internal sealed class UsearchIndexHandle : SafeHandle
{
    /// <summary>Used by the interop stub, which fills in the pointer returned by <c>usearch_init</c>.</summary>
    public UsearchIndexHandle()
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        nint error = 0;
        UsearchNative.usearch_free(handle, &error);
        return error == 0;
    }
}
