using System.Diagnostics;
using ProductSearch.CrashHarness;

namespace ProductSearch.Benchmarks;

/// <summary>
/// <c>crash [trials]</c>: the kill -9 harness at full length (200 trials by default; the test suite runs 20).
/// Each trial runs <c>productsearch upsert</c> (every fourth: <c>index --rebuild</c>) in a child process and kills it
/// with SIGKILL at a random instant, then checks the index opens, agrees with itself, and kept every acknowledged commit.
/// </summary>
internal static class CrashHarnessRun
{
    public static int Run(string[] args)
    {
        var trials = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var cli = BenchmarkPaths.Cli;
        var work = Path.Combine(Path.GetTempPath(), "productsearch-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# kill -9 harness — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()}");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var report = new CrashTrials(cli, work, seed: 20231127).Run(trials);
            Console.WriteLine(report);
            foreach (var failure in report.Failures) Console.WriteLine("  " + failure);
            Console.WriteLine($"{stopwatch.Elapsed.TotalMinutes:F1} min; {(report.Passed ? "PASSED" : "FAILED")}");
            return report.Passed ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
