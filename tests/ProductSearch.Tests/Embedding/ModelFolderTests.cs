using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Embedding;

/// <summary>
/// A NomicBert-shaped sentence-transformers folder (no token_type_ids input, 768-d last_hidden_state, prompts,
/// mean pooling, Normalize, truncate_dim) loads by the same path as the built-in models, and every setting is honoured.
/// </summary>
public sealed class ModelFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private OnnxSentenceEmbedder Load(NomicLikeModelFolder folder, string? queryPrompt = null) =>
        OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = folder.Path, Device = ComputeDevice.Cpu, QueryPrompt = queryPrompt, QueryCacheSize = 0 });

    private static float[] ExpectedMean(NomicLikeModelFolder folder, int[] ids, int skip, bool normalize)
    {
        var sum = new double[NomicLikeModelFolder.Hidden];
        for (var t = skip; t < ids.Length; t++)
            for (var d = 0; d < sum.Length; d++) sum[d] += folder.Table[ids[t]][d];
        var mean = sum.Select(v => v / (ids.Length - skip)).ToArray();
        var norm = normalize ? Math.Sqrt(mean.Sum(v => v * v)) : 1;
        return mean.Select(v => (float)(v / norm)).ToArray();
    }

    private int[] Ids(NomicLikeModelFolder folder, params string[] pieces) => pieces.Select(folder.IdOf).ToArray();

    [Fact]
    public void A_nomic_export_loads_and_applies_the_query_prompt_mean_pooling_and_normalisation()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"));
        using var embedder = Load(folder);

        Assert.Equal(768, embedder.Dimensions);
        Assert.Equal("nomic", embedder.ModelName);
        Assert.Equal(8192, embedder.Model.MaxSequenceLength);
        var expectedIds = Ids(folder, "[CLS]", "search", "_", "query", ":", "girls", "white", "shoes", "[SEP]");
        Assert.Equal(expectedIds, embedder.Tokenize("Girls White Shoes", EmbeddingPurpose.Query));

        var vector = embedder.Embed(["Girls White Shoes"], EmbeddingPurpose.Query)[0];
        AssertClose(ExpectedMean(folder, expectedIds, skip: 0, normalize: true), vector);
    }

    [Fact]
    public void Documents_get_the_document_prompt()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"));
        using var embedder = Load(folder);
        Assert.Equal(Ids(folder, "[CLS]", "search", "_", "document", ":", "red", "phone", "##s", "[SEP]"),
            embedder.Tokenize("red phones", EmbeddingPurpose.Document));
    }

    [Fact]
    public void Include_prompt_false_leaves_the_prompt_out_of_pooling()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"), includePrompt: false);
        using var embedder = Load(folder);
        var ids = embedder.Tokenize("kitchen towel", EmbeddingPurpose.Query);
        // sentence-transformers masks [CLS] and the prompt's four pieces: search _ query :
        AssertClose(ExpectedMean(folder, ids, skip: 5, normalize: true), embedder.Embed(["kitchen towel"], EmbeddingPurpose.Query)[0]);
    }

    [Fact]
    public void Truncate_dim_cuts_the_normalised_vector()
    {
        var full = new NomicLikeModelFolder(_temp.File("full"));
        var cut = new NomicLikeModelFolder(_temp.File("cut"), truncateDim: 256);
        using var fullEmbedder = Load(full);
        using var cutEmbedder = Load(cut);
        Assert.Equal(256, cutEmbedder.Dimensions);
        var whole = fullEmbedder.Embed(["phone case"], EmbeddingPurpose.Document)[0];
        var truncated = cutEmbedder.Embed(["phone case"], EmbeddingPurpose.Document)[0];
        Assert.Equal(256, truncated.Length);
        AssertClose(whole[..256], truncated);
    }

    [Fact]
    public void Without_a_normalize_module_the_vector_is_not_normalised()
    {
        var folder = new NomicLikeModelFolder(_temp.File("raw"), normalize: false);
        using var embedder = Load(folder);
        var ids = embedder.Tokenize("white shoes", EmbeddingPurpose.Document);
        var vector = embedder.Embed(["white shoes"], EmbeddingPurpose.Document)[0];
        AssertClose(ExpectedMean(folder, ids, skip: 0, normalize: false), vector);
        Assert.NotEqual(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 3);
    }

    [Fact]
    public void A_prompt_given_in_the_options_overrides_the_models()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"));
        using var embedder = Load(folder, queryPrompt: "");
        Assert.Equal(Ids(folder, "[CLS]", "girls", "[SEP]"), embedder.Tokenize("girls", EmbeddingPurpose.Query));
    }

    [Fact]
    public void Max_seq_length_truncates_as_sentence_transformers_does()
    {
        var folder = new NomicLikeModelFolder(_temp.File("short"), maxSeqLength: 8);
        using var embedder = Load(folder);
        var ids = embedder.Tokenize("girls white shoes red phone case kitchen towel", EmbeddingPurpose.Document);
        Assert.Equal(Ids(folder, "[CLS]", "search", "_", "document", ":", "girls", "white", "[SEP]"), ids);
        Assert.Equal(768, embedder.Embed([string.Concat(Enumerable.Repeat("towel ", 5000))], EmbeddingPurpose.Document)[0].Length);
    }

    [Fact]
    public void Batches_of_mixed_lengths_give_the_same_vectors_as_one_at_a_time()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"));
        using var embedder = Load(folder);
        string[] texts = ["red", "girls white shoes", "", "phone case kitchen towel red shoes", "white"];
        var batched = embedder.Embed(texts, EmbeddingPurpose.Document);
        for (var i = 0; i < texts.Length; i++) AssertClose(embedder.EmbedUncached(texts[i], EmbeddingPurpose.Document), batched[i]);
    }

    [Fact]
    public async Task The_embedder_is_an_IEmbeddingGenerator()
    {
        var folder = new NomicLikeModelFolder(_temp.File("nomic"));
        using var embedder = Load(folder);
        Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> generator = embedder;
        var generated = await generator.GenerateAsync(["red shoes", "phone case"]);
        Assert.Equal(2, generated.Count);
        AssertClose(embedder.Embed(["red shoes"], EmbeddingPurpose.Document)[0], generated[0].Vector.ToArray());
        var metadata = (Microsoft.Extensions.AI.EmbeddingGeneratorMetadata)generator.GetService(typeof(Microsoft.Extensions.AI.EmbeddingGeneratorMetadata))!;
        Assert.Equal(768, metadata.DefaultModelDimensions);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-5f, $"max |difference| {worst:E2}");
    }

    public void Dispose() => _temp.Dispose();
}
