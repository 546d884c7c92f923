using System.Text.Json;
using ProductSearch.Cli;
using ProductSearch.Evaluation;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Evaluation;

/// <summary>
/// Both eval commands end to end on real ESCI rows. The retrieval run indexes the products judged for 15 queries
/// (less three, to be counted as missing) and writes the full report with plots into <c>artifacts/eval-report/</c>
/// at the repository root, which CI keeps. Runs alone: it reads what the commands print.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class EvalEndToEndTests
{
    private const int Queries = 15;
    private const int Dropped = 3;
    private const int Triplets = 200;

    [SkippableFact]
    public async Task Retrieval_on_a_slice_of_esci_writes_the_report_with_plots()
    {
        var esci = SharedData.EsciDirectory;
        using var temp = new TempFolder();
        var lines = File.ReadLines(Path.Combine(esci, "examples.tsv")).ToList();
        var queryIds = lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Take(Queries).ToHashSet();
        var slice = lines.Skip(1).Where(l => queryIds.Contains(l.Split('\t')[0])).ToList();
        var examples = temp.File("examples.tsv");
        await File.WriteAllLinesAsync(examples, [lines[0], .. slice]);
        var judged = slice.Select(l => l.Split('\t')[2]).ToHashSet();
        var dropped = judged.Order(StringComparer.Ordinal).Take(Dropped).ToHashSet();
        var catalog = temp.File("catalog.jsonl");
        await File.WriteAllLinesAsync(catalog, File.ReadLines(Path.Combine(esci, "products.jsonl")).Where(line =>
        {
            var id = JsonDocument.Parse(line).RootElement.GetProperty("product_id").GetString()!;
            return judged.Contains(id) && !dropped.Contains(id);
        }));

        var output = Path.Combine(RepositoryRoot.Path, "artifacts", "eval-report");
        var (exit, printed) = await ConsoleCapture.RunAsync(() => CliApp.Create().Parse(
            ["eval", "retrieval", "--examples", examples, "--catalog", catalog, "--device", "cpu", "--json", "--out", output]).InvokeAsync());
        Assert.Equal(0, exit);

        using var summary = JsonDocument.Parse(printed);
        var root = summary.RootElement;
        Assert.Equal(Queries, root.GetProperty("queries").GetInt32());
        Assert.Equal(judged.Count, root.GetProperty("counts").GetProperty("judged_products").GetInt32());
        Assert.Equal(Dropped, root.GetProperty("counts").GetProperty("judged_products_not_in_index").GetInt32());
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            var values = root.GetProperty("modes").GetProperty(mode);
            foreach (var metric in new[] { "ndcg@10", "recall@10", "recall@50", "recall@100", "mrr@10" })
            {
                var mean = values.GetProperty(metric).GetDouble();
                var interval = values.GetProperty("ci95").GetProperty(metric);
                Assert.InRange(mean, interval.GetProperty("low").GetDouble(), interval.GetProperty("high").GetDouble());
                Assert.InRange(mean, 0, 1);
            }
            // About 700 products, each judged for one of these queries: every mode must rank far above chance
            // (a random top 10 would hold about 10 × 23 / 700 ≈ 0.3 Exact products of a query).
            Assert.True(values.GetProperty("ndcg@10").GetDouble() > 0.5, $"{mode} nDCG@10 {values.GetProperty("ndcg@10")}");
            Assert.True(values.GetProperty("recall@100").GetDouble() > 0.8, $"{mode} Recall@100 {values.GetProperty("recall@100")}");
        }
        Assert.Equal(3 * 5, root.GetProperty("tests").GetArrayLength());
        Assert.All(root.GetProperty("tests").EnumerateArray(), t => Assert.InRange(t.GetProperty("p_value").GetDouble(), 1e-5, 1));

        // The report: Markdown linking every plot, the per-query CSV, the JSON, and readable PNGs.
        Assert.Equal(printed.Trim(), (await File.ReadAllTextAsync(Path.Combine(output, RetrievalReportWriter.SummaryFileName))).Trim());
        var report = await File.ReadAllTextAsync(Path.Combine(output, RetrievalReportWriter.ReportFileName));
        string[] plots = [RetrievalPlots.RecallFileName, "ndcg-diff-hybrid-vs-bm25.png", "ndcg-diff-hybrid-vs-dense.png"];
        foreach (var plot in plots)
        {
            Assert.Contains($"]({plot})", report);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, plot));
            Assert.True(bytes.Length > 5_000, $"{plot} is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        Assert.Contains($"{Dropped} of {judged.Count} judged products are not in the index", report);
        var csv = await File.ReadAllLinesAsync(Path.Combine(output, RetrievalReportWriter.PerQueryFileName));
        Assert.Equal(Queries + 1, csv.Length);
        Assert.StartsWith("query_id,query,exact_products,products_not_in_index,bm25_ndcg@10,bm25_recall@10", csv[0]);
    }

    [SkippableFact]
    public async Task Triplets_json_has_sentence_transformers_names_and_the_evaluator_s_numbers()
    {
        var esci = SharedData.EsciDirectory;
        using var temp = new TempFolder();
        var path = temp.File("triplets.tsv");
        await File.WriteAllLinesAsync(path, File.ReadLines(Path.Combine(esci, "triplets.tsv")).Take(Triplets + 1));

        var (exit, printed) = await ConsoleCapture.RunAsync(() => CliApp.Create().Parse(["eval", "triplets", path, "--json", "--model", "minilm", "--device", "cpu"]).InvokeAsync());
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(printed);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["cosine_accuracy", "dot_accuracy", "manhattan_accuracy", "euclidean_accuracy", "max_accuracy", "count"], names);
        Assert.Equal(Triplets, json.RootElement.GetProperty("count").GetInt32());

        // The expected accuracies are computed here, by sentence-transformers' rules written out, not by TripletEvaluator:
        // a triplet counts when the positive is strictly more similar (or strictly closer) than the negative.
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).ToArray();
        float[] Embed(string text) => TestModels.MiniLm.Embed([text], ProductSearch.Embedding.EmbeddingPurpose.Document)[0];
        var vectors = rows.Select(r => (A: Embed(r[0]), P: Embed(r[1]), N: Embed(r[2]))).ToArray();
        static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
        static double Cosine(float[] a, float[] b) => Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b));
        static double Manhattan(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Sum();
        static double Euclidean(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => ((double)x - y) * ((double)x - y)).Sum());
        double Share(Func<(float[] A, float[] P, float[] N), bool> right) => vectors.Count(right) / (double)vectors.Length;
        Assert.Equal(Share(t => Cosine(t.A, t.P) > Cosine(t.A, t.N)), json.RootElement.GetProperty("cosine_accuracy").GetDouble(), 12);
        Assert.Equal(Share(t => Dot(t.A, t.P) > Dot(t.A, t.N)), json.RootElement.GetProperty("dot_accuracy").GetDouble(), 12);
        Assert.Equal(Share(t => Manhattan(t.A, t.P) < Manhattan(t.A, t.N)), json.RootElement.GetProperty("manhattan_accuracy").GetDouble(), 12);
        Assert.Equal(Share(t => Euclidean(t.A, t.P) < Euclidean(t.A, t.N)), json.RootElement.GetProperty("euclidean_accuracy").GetDouble(), 12);
        Assert.InRange(json.RootElement.GetProperty("cosine_accuracy").GetDouble(), 0.5, 1); // the model orders most real ESCI pairs right
    }
}
