using ProductSearch.Embedding;
using ProductSearch.Evaluation;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

/// <summary>
/// The ranking-quality guard on real judgments: all 6,764 products of the ESCI sample indexed with the default
/// model, its 100 queries searched with the default profile. The default profile was chosen on these same queries,
/// so the absolute bar guards against regressions; the comparisons between modes and the cross-validated tuning
/// estimate say how it should fare on unseen queries.
/// </summary>
public sealed class EsciQualityTests
{
    [SkippableFact]
    public async Task The_default_hybrid_profile_beats_each_retriever_alone_and_the_peer_bar()
    {
        var folder = SharedData.EsciDirectory;
        var queries = JudgmentsReader.Read(Path.Combine(folder, "examples.tsv")).Queries;
        Assert.Equal(100, queries.Count);
        using var temp = new TempFolder();
        using (var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions { Device = ComputeDevice.Cpu }))
            await new IndexBuilder(embedder, BuiltInModels.DefaultName).BuildAsync(Path.Combine(folder, "products.jsonl"), temp.Path);

        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = temp.Path, Device = ComputeDevice.Cpu });
        double Mean(SearchMode mode) => queries.Average(q => RankingMetrics.NdcgAt(10,
            engine.Search(new SearchRequest { Query = q.Query, Mode = mode }).Hits.Select(h => h.Product.Id).ToArray(), q));
        var (hybrid, bm25, dense) = (Mean(SearchMode.Hybrid), Mean(SearchMode.Bm25), Mean(SearchMode.Dense));

        Assert.True(hybrid > bm25 + 0.05, $"hybrid {hybrid:F4} vs bm25 {bm25:F4}");
        Assert.True(hybrid > dense + 0.03, $"hybrid {hybrid:F4} vs dense {dense:F4}");
        // Best peer hybrid on these embeddings (LanceDB, RRF): 0.6091; the bar is that + 0.03 = 0.639. The
        // default profile measures 0.657 here. It, the analysis and the "without" rule were settled looking at these
        // queries, so the cross-validated figures in RESULTS.md are the estimate for unseen ones; this guards the bar.
        Assert.True(hybrid >= 0.639, $"hybrid nDCG@10 {hybrid:F4} is below the issue's bar 0.639 (measured 0.657)");

        // Tuning's own held-out estimate must also beat both single retrievers.
        var tuning = new ProfileTuner(engine) { Repeats = 2, Depths = [50], RrfConstants = [20, 60], RrfLexicalWeights = [1, 2], Alphas = [0.5] }
            .Tune(queries);
        Assert.True(tuning.CrossValidatedNdcg > Math.Max(tuning.Bm25Ndcg, tuning.DenseNdcg),
            $"cross-validated {tuning.CrossValidatedNdcg:F4} vs bm25 {tuning.Bm25Ndcg:F4}, dense {tuning.DenseNdcg:F4}");
    }
}
