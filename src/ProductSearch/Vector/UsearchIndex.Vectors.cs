namespace ProductSearch.Vector;

// Reading a stored vector back by key (for folding a delta graph into its base).
public sealed unsafe partial class UsearchIndex
{
    /// <summary>Copies the vector stored under <paramref name="key"/> into <paramref name="row"/> (32-bit floats); false when the key is not stored.</summary>
    internal bool TryGet(ulong key, float[] row) => Read(() => TryCopyStored(key, row));
}
