using ProductSearch.Embedding;
using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>Which purpose, and so which prompt, each text of a triplet is embedded with.</summary>
public sealed class TripletEvaluatorTests
{
    /// <summary>Gives a query-purpose text one vector and a document-purpose text another, and counts the texts embedded.</summary>
    private sealed class PurposeEmbedder : ITextEmbedder
    {
        public int TextsEmbedded { get; private set; }
        public string ModelName => "purpose";
        public string ModelSha256 => "0";
        public int Dimensions => 2;
        public string ActiveDevice => "cpu";

        public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
        {
            TextsEmbedded += texts.Count;
            return texts.Select(t => purpose == EmbeddingPurpose.Query ? new float[] { 1, 0 }
                : t.StartsWith("good", StringComparison.Ordinal) ? new float[] { 1, 0.1f } : new float[] { 0, 1 }).ToArray();
        }

        public void Dispose() { }
    }

    [Fact]
    public async Task The_anchor_is_embedded_as_a_query_and_the_titles_as_documents_each_once()
    {
        // Embedded as a document, "good shoes" itself would look like a title starting "good" — but the anchor gets
        // the query vector (1, 0), so the good title wins and the bad one loses.
        var embedder = new PurposeEmbedder();
        Triplet[] triplets = [new("good shoes", "good title", "bad title"), new("good shoes", "good title", "bad other"), new("hat", "bad title", "good title")];
        var result = await new TripletEvaluator(embedder).EvaluateAsync(triplets);
        Assert.Equal(2 / 3.0, result.Cosine, 12);
        Assert.Equal(2 / 3.0, result.Dot, 12);
        Assert.Equal(3, result.Count);
        Assert.Equal(2 + 3, embedder.TextsEmbedded); // distinct queries, then distinct titles
    }
}
