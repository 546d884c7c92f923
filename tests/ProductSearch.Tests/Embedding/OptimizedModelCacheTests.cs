using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Embedding;

/// <summary>
/// The saved optimised graph: written once, loaded from then on with the same vectors, keyed by everything that changes
/// it, and a damaged or foreign file is never used — it is deleted and built again. A tiny hand-made model folder
/// with a SHA-256 sidecar (as the built-in models have) keeps these fast.
/// </summary>
public sealed class OptimizedModelCacheTests : IDisposable
{
    private static readonly string[] Texts = ["girls white shoes", "search_query: white", "shoes"];
    private readonly TempFolder _temp = new();
    private readonly ListLogger _log = new();
    private readonly NomicLikeModelFolder _model;

    public OptimizedModelCacheTests()
    {
        _model = new NomicLikeModelFolder(_temp.File("model"));
        File.WriteAllText(OnnxPath + ".sha256", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(OnnxPath))));
    }

    private string OnnxPath => Path.Combine(_model.Path, "onnx", "model.onnx");

    private string CacheRoot => _temp.File("cache");

    private string[] SavedFiles() => Directory.Exists(Path.Combine(CacheRoot, "optimized"))
        ? Directory.GetFiles(Path.Combine(CacheRoot, "optimized"))
        : [];

    private float[][] Embed()
    {
        using var embedder = OnnxSentenceEmbedder.Create(
            new EmbedderOptions { Model = _model.Path, Device = ComputeDevice.Cpu, QueryCacheSize = 0, ModelCacheDirectory = CacheRoot }, _log);
        return embedder.Embed(Texts, EmbeddingPurpose.Query);
    }

    private static void AssertSameVectors(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            for (var d = 0; d < expected[i].Length; d++) Assert.Equal(expected[i][d], actual[i][d], 5);
    }

    [Fact]
    public void The_first_start_saves_the_graph_and_later_starts_load_it_with_the_same_vectors()
    {
        var first = Embed();
        var saved = Assert.Single(SavedFiles()); // no private staging file left beside it
        Assert.EndsWith(".ort", saved, StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(saved);
        var bytes = File.ReadAllBytes(saved);

        var second = Embed();

        AssertSameVectors(first, second);
        Assert.Equal(bytes, File.ReadAllBytes(Assert.Single(SavedFiles())));
        Assert.Equal(written, File.GetLastWriteTimeUtc(saved)); // loaded, not written again
        Assert.Equal(0, _log.Count(LogLevel.Debug, "not usable"));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    public void A_damaged_file_is_not_used_but_deleted_and_built_again(string damage)
    {
        var first = Embed();
        var saved = Assert.Single(SavedFiles());
        var good = File.ReadAllBytes(saved);
        var bad = damage switch
        {
            "flip" => FlipByte(good, good.Length / 2),
            "truncate" => good[..(good.Length / 2)],
            _ => [],
        };
        File.WriteAllBytes(saved, bad);

        var again = Embed();

        AssertSameVectors(first, again);
        Assert.Equal(1, _log.Count(LogLevel.Debug, "not usable"));
        AssertRebuilt(saved, bad);
    }

    [Fact]
    public void A_file_with_a_valid_checksum_that_is_no_model_is_refused_by_onnx_runtime_and_built_again()
    {
        var first = Embed();
        var saved = Assert.Single(SavedFiles());
        // The cache's own writer puts a well-formed header (length and checksum) around bytes that are no ORT model.
        var staging = Path.Combine(_temp.Path, "not-a-model.ort");
        File.WriteAllBytes(staging, "these bytes are not an ORT format model"u8.ToArray());
        var cache = OptimizedModelCache.For(OnnxPath, CacheRoot, GraphOptimizationLevel.ORT_ENABLE_ALL, _log)!;
        cache.Commit(staging);
        Assert.NotNull(cache.TryRead());
        var foreign = File.ReadAllBytes(saved);

        var again = Embed();

        AssertSameVectors(first, again);
        Assert.Equal(1, _log.Count(LogLevel.Debug, "ONNX Runtime refused it"));
        AssertRebuilt(saved, foreign);
    }

    [Fact]
    public void A_model_without_a_sha256_sidecar_is_not_cached()
    {
        File.Delete(OnnxPath + ".sha256");
        Assert.Null(OptimizedModelCache.For(OnnxPath, CacheRoot, GraphOptimizationLevel.ORT_ENABLE_ALL, _log));

        Embed();

        Assert.Empty(SavedFiles());
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_saves_nothing_and_the_model_still_loads()
    {
        var reference = Embed();
        Directory.Delete(CacheRoot, recursive: true);
        File.WriteAllText(CacheRoot, "a file where the cache folder would be");

        var again = Embed();

        AssertSameVectors(reference, again);
        Assert.Equal(1, _log.Count(LogLevel.Debug, "cannot be saved"));
    }

    [Fact]
    public void The_key_changes_with_the_model_the_runtime_version_the_optimisation_level_and_the_processor()
    {
        var sha = new string('a', 64);
        var processor = OptimizedModelCache.Processor();
        var key = OptimizedModelCache.Key(sha, "1.31.0", GraphOptimizationLevel.ORT_ENABLE_ALL, processor);

        Assert.Equal(key, OptimizedModelCache.Key(sha, "1.31.0", GraphOptimizationLevel.ORT_ENABLE_ALL, processor));
        Assert.NotEqual(key, OptimizedModelCache.Key(new string('b', 64), "1.31.0", GraphOptimizationLevel.ORT_ENABLE_ALL, processor));
        Assert.NotEqual(key, OptimizedModelCache.Key(sha, "1.32.0", GraphOptimizationLevel.ORT_ENABLE_ALL, processor));
        Assert.NotEqual(key, OptimizedModelCache.Key(sha, "1.31.0", GraphOptimizationLevel.ORT_ENABLE_EXTENDED, processor));
        Assert.NotEqual(key, OptimizedModelCache.Key(sha, "1.31.0", GraphOptimizationLevel.ORT_ENABLE_ALL, processor + ";other"));
    }

    /// <summary>The file was written again, whole: its checksum holds and it is not the bad content any more.</summary>
    private void AssertRebuilt(string saved, byte[] bad)
    {
        Assert.Equal(saved, Assert.Single(SavedFiles()));
        Assert.NotEqual(bad, File.ReadAllBytes(saved));
        Assert.NotNull(OptimizedModelCache.For(OnnxPath, CacheRoot, GraphOptimizationLevel.ORT_ENABLE_ALL, _log)!.TryRead());
    }

    private static byte[] FlipByte(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }

    public void Dispose() => _temp.Dispose();
}
