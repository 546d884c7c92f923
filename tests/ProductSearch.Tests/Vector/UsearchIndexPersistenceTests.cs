using ProductSearch.Vector;
using Xunit;

namespace ProductSearch.Tests.Vector;

/// <summary>Save/load round trips and refusal of missing, damaged or incompatible files.</summary>
public sealed class UsearchIndexPersistenceTests : IDisposable
{
    private const int Dim = 32;
    private readonly string _directory = Directory.CreateTempSubdirectory("usearch-tests-").FullName;

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A loaded index answers every query exactly as the saved one did.</summary>
    [Fact]
    public void Save_then_load_gives_identical_results()
    {
        var vectors = VectorTestData.RandomUnitVectors(1000, Dim, seed: 6);
        var queries = VectorTestData.RandomUnitVectors(20, Dim, seed: 7);
        var path = Path.Combine(_directory, "round-trip.usearch");
        using var original = VectorTestData.Build(vectors, Dim);
        original.Remove(17);
        original.Save(path);

        using var loaded = UsearchIndex.Load(path, Options());

        Assert.Equal(original.Count, loaded.Count);
        Assert.False(loaded.Contains(17));
        Assert.Equal(original.ExpansionSearch, loaded.ExpansionSearch);
        for (var q = 0; q < 20; q++)
        {
            var query = queries.AsSpan(q * Dim, Dim);
            Assert.Equal(original.Search(query, 10), loaded.Search(query, 10));
            Assert.Equal(original.Search(query, 5, k => k % 3 == 0), loaded.Search(query, 5, k => k % 3 == 0));
        }

        loaded.Add([5000UL], queries.AsSpan(0, Dim)); // a loaded index stays writable and grows
        Assert.Equal(5000UL, loaded.Search(queries.AsSpan(0, Dim), 1)[0].Key);
    }

    /// <summary>Saving over an existing file replaces it and leaves no temporary files behind.</summary>
    [Fact]
    public void Save_overwrites_existing_file()
    {
        var path = Path.Combine(_directory, "overwrite.usearch");
        File.WriteAllText(path, "old");
        using var index = VectorTestData.Build(VectorTestData.RandomUnitVectors(10, Dim, seed: 8), Dim);
        index.Save(path);

        using var loaded = UsearchIndex.Load(path, Options());
        Assert.Equal(10, loaded.Count);
        Assert.Single(Directory.GetFiles(_directory));
    }

    /// <summary>A missing file fails with the path in the message.</summary>
    [Fact]
    public void Load_of_missing_file_names_the_path()
    {
        var path = Path.Combine(_directory, "missing.usearch");
        var error = Assert.Throws<VectorIndexException>(() => UsearchIndex.Load(path, Options()));
        Assert.Contains(path, error.Message);
    }

    /// <summary>
    /// Garbage, empty, truncated, padded and bit-flipped files all fail with a <see cref="VectorIndexException"/>
    /// naming the path. Flips inside the graph used to crash the process in native code.
    /// </summary>
    [Fact]
    public void Load_of_damaged_file_throws_instead_of_crashing()
    {
        var good = Path.Combine(_directory, "good.usearch");
        using (var index = VectorTestData.Build(VectorTestData.RandomUnitVectors(300, Dim, seed: 9), Dim))
        {
            index.Save(good);
        }

        var bytes = File.ReadAllBytes(good);
        var garbage = new byte[4096];
        new Random(10).NextBytes(garbage);
        var damaged = new List<byte[]> { garbage, Array.Empty<byte>(), bytes[..10], bytes[..64], bytes[..(bytes.Length - 1)], bytes.Append((byte)0).ToArray() };
        for (var fraction = 1; fraction < 10; fraction++)
        {
            damaged.Add(bytes[..(bytes.Length * fraction / 10)]);
            var flipped = (byte[])bytes.Clone();
            flipped[bytes.Length * fraction / 10] ^= 0x5A;
            damaged.Add(flipped);
        }

        foreach (var offset in new[] { 0, 40, bytes.Length - 60, bytes.Length - 20, bytes.Length - 1 })
        {
            var flipped = (byte[])bytes.Clone();
            flipped[offset] ^= 0xFF;
            damaged.Add(flipped);
        }

        for (var i = 0; i < damaged.Count; i++)
        {
            var path = Path.Combine(_directory, $"damaged-{i}.usearch");
            File.WriteAllBytes(path, damaged[i]);
            var error = Assert.Throws<VectorIndexException>(() => UsearchIndex.Load(path, Options()));
            Assert.Contains(path, error.Message);
        }
    }

    /// <summary>Loading with the wrong dimensions or metric names both values.</summary>
    [Fact]
    public void Load_with_mismatched_options_names_both_values()
    {
        var path = Path.Combine(_directory, "dims.usearch");
        using (var index = VectorTestData.Build(VectorTestData.RandomUnitVectors(10, Dim, seed: 11), Dim))
        {
            index.Save(path);
        }

        var dims = Assert.Throws<VectorIndexException>(() => UsearchIndex.Load(path, new HnswOptions { Dimensions = 384 }));
        Assert.Contains("32", dims.Message);
        Assert.Contains("384", dims.Message);
        Assert.Contains(path, dims.Message);

        var metric = Assert.Throws<VectorIndexException>(
            () => UsearchIndex.Load(path, new HnswOptions { Dimensions = Dim, Metric = VectorMetric.L2Squared }));
        Assert.Contains("L2Squared", metric.Message);
        Assert.Contains("Cosine", metric.Message);
    }

    /// <summary>
    /// A file saved by earlier versions, whose graph used USearch's own cosine kernel, still loads and answers as
    /// before; new cosine indexes store unit vectors under inner product and rank the same.
    /// </summary>
    [Fact]
    public unsafe void A_file_with_usearchs_own_cosine_still_loads_and_ranks_as_the_new_layout_does()
    {
        var vectors = VectorTestData.RandomUnitVectors(500, Dim, seed: 21);
        for (var i = 0; i < vectors.Length; i++) vectors[i] *= 1 + (i / Dim % 7); // rows of different lengths
        var queries = VectorTestData.RandomUnitVectors(10, Dim, seed: 22);
        var path = Path.Combine(_directory, "native-cosine.usearch");
        var options = Options();
        var init = UsearchInitOptions.From(options, UsearchMetricKind.Cosine);
        nint error = 0;
        using (var handle = UsearchNative.usearch_init(&init, &error))
        {
            Assert.Equal(0, error);
            UsearchNative.usearch_reserve(handle, 500, &error);
            fixed (float* rows = vectors)
            {
                for (var i = 0; i < 500; i++) UsearchNative.usearch_add(handle, (ulong)i, rows + (i * Dim), UsearchScalarKind.F32, &error);
            }
            UsearchNative.usearch_save(handle, path, &error);
            Assert.Equal(0, error);
        }
        IndexFileChecksum.Append(path);

        using var legacy = UsearchIndex.Load(path, options);
        using var current = VectorTestData.Build(vectors, Dim);
        for (var q = 0; q < 10; q++)
        {
            var query = queries.AsSpan(q * Dim, Dim).ToArray();
            var exact = Enumerable.Range(0, 500)
                .Select(i => (Key: (ulong)i, Distance: 1 - System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(query, vectors.AsSpan(i * Dim, Dim))))
                .OrderBy(h => h.Distance).First();
            foreach (var index in new[] { legacy, current })
            {
                var best = index.Search(query, 1)[0];
                Assert.Equal(exact.Key, best.Key);
                Assert.Equal(exact.Distance, best.Distance, 4);
            }
        }
    }

    /// <summary>
    /// f16 storage: half the memory, recall within a hair of f32 on the same vectors, distances within f16's precision;
    /// it saves and loads as f16, and loading it as f32 is refused with both kinds named.
    /// </summary>
    [Fact]
    public void F16_storage_halves_the_memory_keeps_recall_and_round_trips()
    {
        const int dims = 256; // wide enough that the vectors, not the graph's links, fill the file
        var vectors = VectorTestData.ClusteredUnitVectors(2000, dims, clusters: 20, noise: 0.3, seed: 31);
        var queries = VectorTestData.RandomUnitVectors(50, dims, seed: 32);
        using var full = VectorTestData.Build(vectors, dims);
        using var half = VectorTestData.Build(vectors, dims, storage: VectorStorage.F16);

        var fullRecall = VectorTestData.RecallAtK(full, vectors, queries, dims, 10);
        var halfRecall = VectorTestData.RecallAtK(half, vectors, queries, dims, 10);
        Assert.True(halfRecall >= fullRecall - 0.02, $"f16 recall {halfRecall:F3} against f32 {fullRecall:F3}");
        var query = queries.AsSpan(0, dims);
        var exactBest = full.Search(query, 1)[0];
        Assert.Equal(exactBest.Distance, half.Search(query, 1)[0].Distance, 2);

        AssertRoundTripsAsOnly(half, VectorStorage.F16, full, 0.75, query);
    }

    /// <summary>
    /// An i8 index stores a quarter of the bytes of an f32 one, ranks near it (USearch scales each vector to
    /// [-127, 127], which costs recall), reports cosine distances, saves and loads as i8, and loading it as f32 is
    /// refused with both kinds named.
    /// </summary>
    [Fact]
    public void I8_storage_quarters_the_vectors_ranks_by_cosine_and_round_trips()
    {
        const int dims = 256;
        var vectors = VectorTestData.ClusteredUnitVectors(2000, dims, clusters: 20, noise: 0.3, seed: 33);
        var queries = VectorTestData.RandomUnitVectors(50, dims, seed: 34);
        using var full = VectorTestData.Build(vectors, dims);
        using var quarter = VectorTestData.Build(vectors, dims, storage: VectorStorage.I8);

        var fullRecall = VectorTestData.RecallAtK(full, vectors, queries, dims, 10);
        var quarterRecall = VectorTestData.RecallAtK(quarter, vectors, queries, dims, 10);
        // Tight clusters are i8's hard case (about 0.82 here against 0.98): neighbours differ in steps finer than 1/127.
        Assert.True(quarterRecall >= 0.7 && quarterRecall < fullRecall, $"i8 recall {quarterRecall:F3} against f32 {fullRecall:F3}");
        var row = vectors.AsSpan(0, dims);
        Assert.Equal(0UL, quarter.Search(row, 1)[0].Key);
        Assert.Equal(0f, quarter.Search(row, 1)[0].Distance, 2);
        var query = queries.AsSpan(0, dims);
        Assert.Equal(full.Search(query, 1)[0].Distance, quarter.Search(query, 1)[0].Distance, 1);

        AssertRoundTripsAsOnly(quarter, VectorStorage.I8, full, 0.5, query);
    }

    /// <summary>
    /// <paramref name="index"/> saves to a file under <paramref name="sizeRatio"/> of <paramref name="full"/>'s, loads as
    /// <paramref name="storage"/> with the same answers, and loading it as f32 is refused with both kinds named.
    /// </summary>
    private void AssertRoundTripsAsOnly(UsearchIndex index, VectorStorage storage, UsearchIndex full, double sizeRatio, ReadOnlySpan<float> query)
    {
        var path = Path.Combine(_directory, $"{storage}.usearch");
        index.Save(path);
        Assert.True(new FileInfo(path).Length < sizeRatio * SavedLength(full), $"an {storage} file should be under {sizeRatio} of the f32 one");
        using var loaded = UsearchIndex.Load(path, new HnswOptions { Dimensions = index.Dimensions, Storage = storage });
        Assert.Equal(index.Search(query, 10), loaded.Search(query, 10));

        var mismatch = Assert.Throws<VectorIndexException>(() => UsearchIndex.Load(path, new HnswOptions { Dimensions = index.Dimensions }));
        Assert.Contains(storage.ToString(), mismatch.Message);
        Assert.Contains("F32", mismatch.Message);
    }

    private long SavedLength(UsearchIndex index)
    {
        var path = Path.Combine(_directory, Guid.NewGuid() + ".usearch");
        index.Save(path);
        return new FileInfo(path).Length;
    }

    /// <summary>Saving into a directory that does not exist reports the path.</summary>
    [Fact]
    public void Save_to_missing_directory_names_the_path()
    {
        using var index = UsearchIndex.Create(Options());
        var path = Path.Combine(_directory, "no-such-dir", "x.usearch");
        var error = Assert.Throws<VectorIndexException>(() => index.Save(path));
        Assert.Contains(path, error.Message);
    }

    private static HnswOptions Options() => new() { Dimensions = Dim };
}
