using System.Collections;

namespace ProductSearch.Lexical;

/// <summary>A set of product keys as a bitmap: membership is one array read, which the HNSW filter callback needs.</summary>
public sealed class KeySet
{
    private readonly BitArray _bits;

    internal KeySet(BitArray bits, int count)
    {
        _bits = bits;
        Count = count;
    }

    /// <summary>Keys in the set.</summary>
    public int Count { get; }

    /// <summary>Whether <paramref name="key"/> is in the set.</summary>
    public bool Contains(ulong key) => key < (ulong)_bits.Length && _bits[(int)key];
}
