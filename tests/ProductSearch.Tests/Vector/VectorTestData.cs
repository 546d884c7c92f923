using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Deterministic random vectors and a brute-force reference search.</summary>
internal static class VectorTestData
{
    /// <summary>Every metric an index can be built with, for theories.</summary>
    public static TheoryData<VectorMetric> Metrics => new() { VectorMetric.Cosine, VectorMetric.InnerProduct, VectorMetric.L2Squared };

    /// <summary>Row-major unit-length vectors with components drawn uniformly from [-1, 1].</summary>
    public static float[] RandomUnitVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var data = new float[count * dimensions];
        for (var row = 0; row < count; row++)
        {
            var span = data.AsSpan(row * dimensions, dimensions);
            var norm = 0.0;
            for (var j = 0; j < dimensions; j++)
            {
                span[j] = (float)((random.NextDouble() * 2) - 1);
                norm += span[j] * span[j];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var j = 0; j < dimensions; j++)
            {
                span[j] *= scale;
            }
        }

        return data;
    }

    /// <summary>
    /// Row-major unit vectors scattered around <paramref name="clusters"/> random centres, like real embeddings (which
    /// form topical clumps). Independent uniform vectors in 384 dimensions are nearly equidistant from each other, a
    /// worst case in which no ANN index reaches high recall at small ef; this is the realistic case to test against.
    /// </summary>
    /// <param name="count">Number of vectors.</param>
    /// <param name="dimensions">Components per vector.</param>
    /// <param name="clusters">Number of centres; the same centres are used for every seed.</param>
    /// <param name="noise">Expected length of the Gaussian offset added to a unit centre before renormalizing.</param>
    /// <param name="seed">Seed for the points (not the centres), so data and queries can share clusters.</param>
    public static float[] ClusteredUnitVectors(int count, int dimensions, int clusters, double noise, int seed)
    {
        var centres = RandomUnitVectors(clusters, dimensions, seed: 12345);
        var random = new Random(seed);
        var data = new float[count * dimensions];
        for (var row = 0; row < count; row++)
        {
            var centre = centres.AsSpan(random.Next(clusters) * dimensions, dimensions);
            var span = data.AsSpan(row * dimensions, dimensions);
            var norm = 0.0;
            for (var j = 0; j < dimensions; j++)
            {
                var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                span[j] = (float)(centre[j] + (noise * gaussian / Math.Sqrt(dimensions)));
                norm += span[j] * span[j];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var j = 0; j < dimensions; j++)
            {
                span[j] *= scale;
            }
        }

        return data;
    }

    /// <summary>Scales each row by a factor between 0.5 and 2 (in place), so cosine, inner product and squared Euclidean rank differently.</summary>
    public static float[] WithVariedLengths(float[] rows, int dimensions)
    {
        for (var row = 0; row < rows.Length / dimensions; row++)
        {
            var scale = 0.5f + (1.5f * ((row * 37) % 100) / 100f);
            foreach (ref var x in rows.AsSpan(row * dimensions, dimensions)) x *= scale;
        }

        return rows;
    }

    /// <summary>The distance the index reports under <paramref name="metric"/>, computed here in double precision.</summary>
    public static double Distance(VectorMetric metric, ReadOnlySpan<float> row, ReadOnlySpan<float> query)
    {
        double dot = 0, rowNorm = 0, queryNorm = 0, l2 = 0;
        for (var j = 0; j < row.Length; j++)
        {
            dot += row[j] * (double)query[j];
            rowNorm += row[j] * (double)row[j];
            queryNorm += query[j] * (double)query[j];
            l2 += (row[j] - (double)query[j]) * (row[j] - (double)query[j]);
        }

        return metric switch
        {
            VectorMetric.Cosine => 1 - (dot / Math.Sqrt(rowNorm * queryNorm)),
            VectorMetric.InnerProduct => 1 - dot,
            _ => l2,
        };
    }

    /// <summary>Keys 0..count-1.</summary>
    public static ulong[] SequentialKeys(int count)
    {
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = (ulong)i;
        }

        return keys;
    }

    /// <summary>Creates an index and adds the vectors in batches after reserving room for all of them.</summary>
    public static UsearchIndex Build(float[] vectors, int dimensions, int batchSize = 500, int searchThreads = 8, VectorStorage storage = VectorStorage.F32)
    {
        var count = vectors.Length / dimensions;
        var keys = SequentialKeys(count);
        var index = UsearchIndex.Create(new HnswOptions { Dimensions = dimensions, SearchThreads = searchThreads, Storage = storage });
        index.Reserve(count);
        for (var start = 0; start < count; start += batchSize)
        {
            var n = Math.Min(batchSize, count - start);
            index.Add(keys.AsSpan(start, n), vectors.AsSpan(start * dimensions, n * dimensions));
        }

        return index;
    }

    /// <summary>Exact cosine top-k (keys only) for unit vectors, optionally restricted by a filter.</summary>
    public static ulong[] ExactTopK(float[] vectors, int dimensions, ReadOnlySpan<float> query, int k, Func<ulong, bool>? filter = null)
    {
        var count = vectors.Length / dimensions;
        var scored = new List<(float Distance, ulong Key)>(count);
        for (var i = 0; i < count; i++)
        {
            if (filter is not null && !filter((ulong)i))
            {
                continue;
            }

            var row = vectors.AsSpan(i * dimensions, dimensions);
            var dot = 0f;
            for (var j = 0; j < dimensions; j++)
            {
                dot += row[j] * query[j];
            }

            scored.Add((1 - dot, (ulong)i));
        }

        scored.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        return scored.Take(k).Select(s => s.Key).ToArray();
    }

    /// <summary>Mean fraction of the exact top-k found by the index over the first <paramref name="queries"/> rows used as queries.</summary>
    public static double RecallAtK(UsearchIndex index, float[] vectors, float[] queries, int dimensions, int k)
    {
        var queryCount = queries.Length / dimensions;
        var hits = 0;
        for (var q = 0; q < queryCount; q++)
        {
            var query = queries.AsSpan(q * dimensions, dimensions);
            var exact = ExactTopK(vectors, dimensions, query, k).ToHashSet();
            hits += index.Search(query, k).Count(h => exact.Contains(h.Key));
        }

        return hits / (double)(queryCount * k);
    }
}
