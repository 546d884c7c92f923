using System.Numerics.Tensors;
using ProductSearch.Benchmarks.Scale;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks.Tests;

public class SyntheticEmbedderTests
{
    private readonly SyntheticEmbedder _embedder = new();

    [Fact]
    public void Vectors_are_unit_length_and_a_pure_function_of_the_text()
    {
        var a = _embedder.EmbedOne("Velwood Women's Waterproof Hiking Boots, Brown");
        var b = new SyntheticEmbedder().Embed(["Velwood Women's Waterproof Hiking Boots, Brown"], EmbeddingPurpose.Query)[0];
        Assert.Equal(384, a.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(a), 3);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Texts_sharing_words_are_nearer_than_unrelated_texts()
    {
        var query = _embedder.EmbedOne("womens waterproof hiking boots");
        var related = _embedder.EmbedOne("Velwood Women's Waterproof Leather Hiking Boots for Walking, Brown, Size 8");
        var unrelated = _embedder.EmbedOne("Oakstone Home Nonstick Ceramic Frying Pan with Lid");
        Assert.True(TensorPrimitives.CosineSimilarity(query, related) > TensorPrimitives.CosineSimilarity(query, unrelated) + 0.2f);
    }
}
