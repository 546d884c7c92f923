using ProductSearch.Vector;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>The synthetic catalog's titles as the stand-in embeds them, and a graph over them: what the HNSW-only harnesses share.</summary>
internal static class SyntheticVectors
{
    private const int Batch = 10_000;

    /// <summary>The first <paramref name="size"/> products' title vectors, row-major; row i is product key i + 1.</summary>
    public static float[] OfProducts(SyntheticEmbedder synthetic, int size)
    {
        var titles = SyntheticCatalog.Products(size).Select(p => p.Title).ToArray();
        var rows = new float[(long)size * synthetic.Dimensions];
        Parallel.For(0, size, i => synthetic.EmbedOne(titles[i]).CopyTo(rows, (long)i * synthetic.Dimensions));
        return rows;
    }

    /// <summary>Adds every row to <paramref name="graph"/> under keys from 1 (product keys start at 1), in batches.</summary>
    public static void AddAll(UsearchIndex graph, float[] rows)
    {
        var dimensions = graph.Dimensions;
        var size = (int)(rows.LongLength / dimensions);
        graph.Reserve(size);
        var keys = new ulong[Batch];
        for (var start = 0; start < size; start += Batch)
        {
            var count = Math.Min(Batch, size - start);
            for (var j = 0; j < count; j++) keys[j] = (ulong)(start + j + 1);
            graph.Add(keys.AsSpan(0, count), rows.AsSpan((int)((long)start * dimensions), count * dimensions));
        }
    }
}
