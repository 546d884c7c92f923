using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Embedding;

/// <summary>
/// Our vectors against the golden ones computed by Hugging Face's own code (transformers.js over the same ONNX
/// weights, sentence-transformers' truncation): at most 1e-5 apart in every dimension.
/// </summary>
public sealed class EmbeddingParityTests
{
    private const float Tolerance = 1e-5f;

    [SkippableFact]
    public void MiniLm_matches_sentence_transformers()
    {
        var rows = GoldenFile.Read("embeddings-all-MiniLM-L6-v2.jsonl");
        Assert.Equal(151, rows.Count);
        AssertParity(TestModels.MiniLm, rows, EmbeddingPurpose.Document);
    }

    [SkippableFact]
    public void ArcticXs_matches_sentence_transformers_for_documents_and_prompted_queries()
    {
        var rows = GoldenFile.Read("embeddings-snowflake-arctic-embed-xs.jsonl");
        Assert.Equal(201, rows.Count);
        AssertParity(TestModels.ArcticXs, rows.Where(r => r.Prompt != "query").ToList(), EmbeddingPurpose.Document);
        var queries = rows.Where(r => r.Prompt == "query").ToList();
        Assert.NotEmpty(queries);
        AssertParity(TestModels.ArcticXs, queries, EmbeddingPurpose.Query);
    }

    private static void AssertParity(OnnxSentenceEmbedder embedder, IReadOnlyList<GoldenFile.Row> rows, EmbeddingPurpose purpose)
    {
        foreach (var row in rows)
            Assert.True(embedder.Tokenize(row.Text, purpose).SequenceEqual(row.Ids), $"ids differ for {row.Source}");

        var vectors = embedder.Embed(rows.Select(r => r.Text).ToArray(), purpose);
        var worst = 0f;
        var worstSource = "";
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i].Embedding!;
            Assert.Equal(expected.Length, vectors[i].Length);
            for (var d = 0; d < expected.Length; d++)
            {
                var difference = Math.Abs(expected[d] - vectors[i][d]);
                if (difference > worst) (worst, worstSource) = (difference, rows[i].Source);
            }
        }
        Assert.True(worst <= Tolerance, $"max |difference| {worst:E2} (at {worstSource}) exceeds {Tolerance:E0}");
    }
}
