using System.Runtime.InteropServices;

namespace ProductSearch.Vector;

/// <summary>Turns USearch's <c>usearch_error_t</c> out-parameter into a <see cref="VectorIndexException"/>.</summary>
internal static class UsearchError
{
    /// <summary>Throws when the native call reported an error.</summary>
    /// <param name="error">The value the native call left in its error slot (0 = success).</param>
    /// <param name="operation">What we were doing, phrased to follow "failed while".</param>
    /// <param name="path">The file involved, if any.</param>
    public static void ThrowIfSet(nint error, string operation, string? path = null)
    {
        if (error != 0)
        {
            throw new VectorIndexException(operation, Marshal.PtrToStringUTF8(error), path);
        }
    }
}
