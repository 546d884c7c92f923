using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>
/// <c>scale [--sizes 10k,100k,1m] [--no-real] [--queries N] [--keep]</c>: runs each size in a child process of this
/// program (<see cref="ScaleRun"/>), sizes up to 10k also with the real default model, then prints the tables and
/// how each cost grows with size; the same text goes to <c>benchmarks/out/scale/scale.md</c>.
/// </summary>
internal static class ScaleHarness
{
    private const int RealModelLimit = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new[] { 10_000, 100_000, 1_000_000 };
        var real = true;
        var passOn = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = ScaleOptions.Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ScaleSizes.Parse).Order().ToArray(); break;
                case "--no-real": real = false; break;
                case "--queries": passOn.AddRange(["--queries", ScaleOptions.Value(args, ref i)]); break;
                case "--keep": passOn.Add("--keep"); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' for scale (known: --sizes, --no-real, --queries, --keep).");
            }
        }

        var output = Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "scale");
        Directory.CreateDirectory(output);
        var command = "dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- scale " + string.Join(' ', args);
        Console.WriteLine($"# Scale — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {MachineInfo.Describe()}");
        Console.WriteLine($"command: {command}");

        // The real model runs where it is feasible on two cores (10k titles: a few minutes); larger sizes use the
        // synthetic stand-in, and the 10k pair shows how far the stand-in is from the real thing.
        var runs = sizes.SelectMany(s => real && s <= RealModelLimit ? new[] { (s, true), (s, false) } : [(s, false)]).ToArray();
        var results = new List<ScaleResult>();
        var failures = new List<string>();
        foreach (var (size, isReal) in runs)
        {
            var label = ScaleSizes.Format(size) + (isReal ? "-real" : "");
            var resultPath = Path.Combine(output, label + ".json");
            File.Delete(resultPath);
            var childArgs = new List<string> { "scale-one", "--size", size.ToString(CultureInfo.InvariantCulture), "--result", resultPath };
            if (isReal) childArgs.Add("--real");
            childArgs.AddRange(passOn);
            var wall = Stopwatch.StartNew();
            var exit = await RunChildAsync(childArgs);
            if (exit == 0 && File.Exists(resultPath))
                results.Add(JsonSerializer.Deserialize<ScaleResult>(await File.ReadAllTextAsync(resultPath), ScaleJson.Options)!);
            else
                failures.Add($"{label}: child exited with code {exit} after {wall.Elapsed.TotalMinutes:F1} min");
        }

        var report = ScaleReport.Render(results, failures, command);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(output, "scale.md"), report);
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<int> RunChildAsync(IEnumerable<string> args)
    {
        using var child = SelfProcess.Start(args);
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
