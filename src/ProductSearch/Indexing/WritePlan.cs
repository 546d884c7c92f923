using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>
/// One batch of a write, sorted: the products to store (new or changed) and those of them whose embedded text is new or
/// changed. Planned against the current generation's store and the batch before it, whose store writes may still be
/// pending while this one is planned (<see cref="WritePipeline"/>).
/// </summary>
internal sealed class WritePlan
{
    private readonly Dictionary<string, StoredProduct> _byId;

    private WritePlan(List<StoredProduct> toWrite, List<StoredProduct> toEmbed, HashSet<long> newKeys)
    {
        ToWrite = toWrite;
        ToEmbed = toEmbed;
        NewKeys = newKeys;
        _byId = toWrite.ToDictionary(p => p.Product.Id, StringComparer.Ordinal);
    }

    /// <summary>Products to store and index lexically.</summary>
    public List<StoredProduct> ToWrite { get; }

    /// <summary>Products to embed and (re)insert into the graph: a subset of <see cref="ToWrite"/>.</summary>
    public List<StoredProduct> ToEmbed { get; }

    /// <summary>Keys handed out to new products in this batch: no store or index of this write holds them yet.</summary>
    public HashSet<long> NewKeys { get; }

    /// <summary>Counts of the whole write, added to as batches are planned.</summary>
    internal sealed class Counts
    {
        public int Added, Updated, Unchanged, Embedded, Duplicates;
        public long NextKey;
        /// <summary>Where keys come from outside this index (a sharded index's keys are unique across shards); null: <see cref="NextKey"/>.</summary>
        public Func<string, long>? KeyOf;
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Sorts <paramref name="batch"/>: within it the last occurrence of an id wins; an id already stored keeps its key and
    /// is written only when its content changed, embedded only when its embedded text did.
    /// </summary>
    /// <param name="batch">The products as read.</param>
    /// <param name="store">The generation's product store.</param>
    /// <param name="pending">The batch planned before this one, whose store writes may not have happened yet: its products count as stored.</param>
    /// <param name="counts">Counts to add to; also hands out keys for new products.</param>
    public static WritePlan Of(Product[] batch, ProductStore store, WritePlan? pending, Counts counts)
    {
        var unique = batch.Select(WellFormedText.Of).GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
        counts.Duplicates += batch.Length - unique.Length;
        var stored = store.Lookup(unique.Select(p => p.Id));
        var toWrite = new List<StoredProduct>();
        var toEmbed = new List<StoredProduct>();
        var newKeys = new HashSet<long>();
        foreach (var product in unique)
        {
            if (!counts.Seen.Add(product.Id)) counts.Duplicates++;
            var embeddedHash = ProductFingerprint.OfEmbeddedText(product);
            var contentHash = ProductFingerprint.OfContent(product);
            if (Existing(product.Id, stored, pending) is { } existing)
            {
                if (existing.ContentHash == contentHash) { counts.Unchanged++; continue; }
                var item = new StoredProduct(existing.Key, product, embeddedHash, contentHash);
                toWrite.Add(item);
                if (existing.EmbeddedTextHash != embeddedHash) toEmbed.Add(item);
                counts.Updated++;
            }
            else
            {
                var item = new StoredProduct(counts.KeyOf?.Invoke(product.Id) ?? counts.NextKey++, product, embeddedHash, contentHash);
                toWrite.Add(item);
                toEmbed.Add(item);
                newKeys.Add(item.Key);
                counts.Added++;
            }
        }
        counts.Embedded += toEmbed.Count;
        return new WritePlan(toWrite, toEmbed, newKeys);
    }

    // The pending batch is newer than the store: a product in both was read again after the store's copy.
    private static (long Key, string? EmbeddedTextHash, string? ContentHash)? Existing(string id,
        IReadOnlyDictionary<string, (long Key, string? EmbeddedTextHash, string? ContentHash)> stored, WritePlan? pending)
    {
        if (pending is not null && pending._byId.TryGetValue(id, out var written)) return (written.Key, written.EmbeddedTextHash, written.ContentHash);
        return stored.TryGetValue(id, out var entry) ? entry : null;
    }
}
