using System.Diagnostics;
using System.Text.Json;
using ProductSearch.Embedding;

namespace ProductSearch.Benchmarks;

/// <summary>
/// CUDA against CPU for issue 3, run once on a GPU machine by <c>benchmarks/gpu/cuda-check.sh</c>: titles/s at each
/// batch size on each device, single-query latency, and how far CUDA's vectors are from CPU's (and both from the
/// golden vectors of Hugging Face's own code) on the golden texts.
/// </summary>
/// <remarks>
/// Usage: <c>device --model NAME|DIR --titles FILE.jsonl --golden FILE.jsonl [--batches 64,256] [--devices cpu,cuda]
/// [--out FILE.json]</c>. Titles are the <c>product_title</c> of each line. An explicit <c>cuda</c> that cannot
/// start is reported and the CPU figures are still written.
/// </remarks>
internal static class DeviceComparison
{
    private const int QueryRepeats = 200;

    public static int Run(string[] args)
    {
        var options = ParseArguments(args);
        var titles = File.ReadLines(options["--titles"])
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("product_title").GetString() ?? "")
            .ToArray();
        var golden = ReadGolden(options["--golden"]);
        var batches = options.GetValueOrDefault("--batches", "64,256").Split(',').Select(int.Parse).ToArray();
        var devices = options.GetValueOrDefault("--devices", "cpu,cuda").Split(',');
        var model = options["--model"];
        Console.WriteLine($"# CUDA vs CPU — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}");
        Console.WriteLine($"model {model}; {titles.Length} titles; {golden.Count} golden texts");

        var throughput = new List<object>();
        var queryLatency = new Dictionary<string, object>();
        var goldenVectors = new Dictionary<string, float[][]>();
        var errors = new Dictionary<string, string>();
        foreach (var device in devices)
        {
            try
            {
                foreach (var batch in batches)
                {
                    using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions
                    {
                        Model = model, Device = ComputeDevice.Parse(device), BatchSize = batch, QueryCacheSize = 0,
                    });
                    embedder.Embed(titles.Take(batch * 2).ToArray(), EmbeddingPurpose.Document); // warm-up: kernels, arenas
                    var stopwatch = Stopwatch.StartNew();
                    embedder.Embed(titles, EmbeddingPurpose.Document);
                    var seconds = stopwatch.Elapsed.TotalSeconds;
                    Console.WriteLine($"{embedder.ActiveDevice,-7} batch {batch,4}: {titles.Length / seconds,8:F0} titles/s ({seconds:F2} s)");
                    throughput.Add(new { device = embedder.ActiveDevice, batch, titles = titles.Length, seconds, titlesPerSecond = titles.Length / seconds });

                    if (batch != batches[0]) continue;
                    goldenVectors[device] = EmbedGolden(embedder, golden);
                    var latencies = new double[QueryRepeats];
                    for (var i = 0; i < QueryRepeats; i++)
                    {
                        var query = titles[i % titles.Length].Split(' ').Take(3);
                        var started = Stopwatch.GetTimestamp();
                        embedder.EmbedUncached(string.Join(' ', query), EmbeddingPurpose.Query);
                        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                    Array.Sort(latencies);
                    var p50 = Common.LatencyStats.Percentile(latencies, 0.50);
                    var p99 = Common.LatencyStats.Percentile(latencies, 0.99);
                    Console.WriteLine($"{embedder.ActiveDevice,-7} one 3-word query: p50 {p50:F2} ms, p99 {p99:F2} ms");
                    queryLatency[embedder.ActiveDevice] = new { p50, p99 };
                }
            }
            catch (ModelLoadException ex)
            {
                Console.WriteLine($"{device}: could not start: {ex.Message}");
                errors[device] = ex.Message;
            }
        }

        var parity = new Dictionary<string, double>();
        foreach (var (device, vectors) in goldenVectors)
            parity[$"{device} vs golden"] = MaxDifference(vectors, golden.Select(g => g.Embedding).ToArray());
        if (goldenVectors.TryGetValue("cpu", out var cpu))
        {
            foreach (var (device, vectors) in goldenVectors.Where(p => p.Key != "cpu"))
                parity[$"{device} vs cpu"] = MaxDifference(vectors, cpu);
        }
        foreach (var (pair, difference) in parity) Console.WriteLine($"max |difference| {pair}: {difference:E2}");

        if (options.TryGetValue("--out", out var output))
        {
            File.WriteAllText(output, JsonSerializer.Serialize(new
            {
                date = DateTime.UtcNow, machine = MachineInfo.Describe(), model, throughput, queryLatency, parity, errors,
            }, new JsonSerializerOptions { WriteIndented = true }));
        }
        return errors.Count == 0 ? 0 : 1;
    }

    private sealed record GoldenRow(string Text, EmbeddingPurpose Purpose, float[] Embedding);

    private static List<GoldenRow> ReadGolden(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            var purpose = root.TryGetProperty("prompt", out var p) && p.GetString() == "query" ? EmbeddingPurpose.Query : EmbeddingPurpose.Document;
            // Stored as the shortest double that round-trips a float32.
            var embedding = root.GetProperty("embedding").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            return new GoldenRow(root.GetProperty("text").GetString()!, purpose, embedding);
        }).ToList();

    private static float[][] EmbedGolden(OnnxSentenceEmbedder embedder, List<GoldenRow> golden)
    {
        var vectors = new float[golden.Count][];
        foreach (var purpose in new[] { EmbeddingPurpose.Document, EmbeddingPurpose.Query })
        {
            var positions = Enumerable.Range(0, golden.Count).Where(i => golden[i].Purpose == purpose).ToArray();
            var embedded = embedder.Embed(positions.Select(i => golden[i].Text).ToArray(), purpose);
            for (var j = 0; j < positions.Length; j++) vectors[positions[j]] = embedded[j];
        }
        return vectors;
    }

    private static double MaxDifference(float[][] a, float[][] b)
    {
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++)
            for (var d = 0; d < a[i].Length; d++) worst = Math.Max(worst, Math.Abs(a[i][d] - b[i][d]));
        return worst;
    }

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            options[args[i]] = args[i + 1];
        }
        foreach (var required in new[] { "--model", "--titles", "--golden" })
            if (!options.ContainsKey(required)) throw new ArgumentException($"Missing {required}.");
        return options;
    }
}
