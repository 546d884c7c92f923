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

    /// <summary>The keys in ascending order (for an exact search over them), read a 32-bit word at a time.</summary>
    internal ulong[] ToArray()
    {
        var words = new int[(_bits.Length + 31) / 32];
        _bits.CopyTo(words, 0);
        var keys = new ulong[Count];
        var next = 0;
        for (var w = 0; w < words.Length && next < keys.Length; w++)
        {
            for (var bits = (uint)words[w]; bits != 0; bits &= bits - 1)
                keys[next++] = (ulong)((w * 32) + System.Numerics.BitOperations.TrailingZeroCount(bits));
        }
        return keys;
    }
}
