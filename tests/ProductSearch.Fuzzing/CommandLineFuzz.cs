using ProductSearch.Cli;
using ProductSearch.Indexing;

namespace ProductSearch.Fuzzing;

/// <summary>
/// Generated command lines run in this process (standard output and error captured, so the caller must not run
/// other console work meanwhile). The rules: exit code 0, 1 (only <c>verify</c>, for a damaged index) or 2; an
/// error is one line starting with <c>error: </c> and never a stack trace; a write that is refused leaves the index
/// exactly as it was, and one that succeeds leaves it consistent.
/// </summary>
public static class CommandLineFuzz
{
    public const string Surface = "cli";

    private static readonly string[] Writers = ["upsert", "delete", "index"];

    /// <summary>
    /// Runs until <paramref name="count"/> command lines are tried or <paramref name="until"/> passes, against the index
    /// at <paramref name="index"/> (built with a model the command line can load), writing scratch catalogs in <paramref name="scratch"/>.
    /// </summary>
    public static void Run(string index, string scratch, Random random, FuzzReport report, int count, DateTime until)
    {
        Directory.CreateDirectory(scratch);
        for (var i = 0; i < count && DateTime.UtcNow < until; i++)
        {
            var args = Arguments(random, index, scratch);
            report.Tried1(Surface);
            var writes = args.Length > 0 && Writers.Contains(args[0]);
            var before = writes ? FolderState.Capture(index) : null;
            var (code, error) = RunOnce(args);
            var input = string.Join(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"\"{a}\"" : a));
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (code is not (0 or 1 or 2)) report.Found(Surface, input, $"exit code {code}: {error}");
            else if (code == 1 && args.FirstOrDefault() != "verify") report.Found(Surface, input, $"exit code 1 (an unexpected failure): {error}");
            else if (code == 2 && (lines.Length != 1 || !lines[0].StartsWith("error: ", StringComparison.Ordinal))) report.Found(Surface, input, $"exit 2 without one error line: {error}");
            else if (lines.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal))) report.Found(Surface, input, $"a stack trace: {error}");
            else if (before is not null && code != 0 && FolderState.Difference(before, index) is { } changed) report.Found(Surface, input, $"a refused write changed the index: {changed}");
            else if (before is not null && code == 0 && IndexVerifier.Verify(index) is { IsConsistent: false } verify) report.Found(Surface, input, "a write left the index inconsistent: " + string.Join("; ", verify.Problems));
        }
    }

    private static (int Code, string Error) RunOnce(string[] args)
    {
        var (output, error) = (Console.Out, Console.Error);
        using var errorWriter = new StringWriter();
        Console.SetOut(TextWriter.Null);
        Console.SetError(errorWriter);
        try
        {
            return (CliApp.RunAsync(args).GetAwaiter().GetResult(), errorWriter.ToString());
        }
        catch (Exception ex)
        {
            return (-1, $"unhandled {ex}");
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
        }
    }

    private static string[] Arguments(Random random, string index, string scratch)
    {
        var args = new List<string>();
        string Index() => random.Next(8) switch
        {
            0 => "",
            1 => Path.Combine(scratch, "missing"),
            2 => scratch,
            3 => FuzzText.RandomChars(random, 5),
            _ => index,
        };
        string Catalog()
        {
            var format = FuzzText.Pick(random, ["jsonl", "csv", "tsv", "parquet", "txt"]);
            var path = Path.Combine(scratch, "cli-catalog." + format);
            if (format == "txt") File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(FuzzText.Value(random)));
            else CatalogFuzz.Write(path, format, random);
            return random.Next(12) == 0 ? Path.Combine(scratch, "no-such.jsonl") : path;
        }
        switch (random.Next(9))
        {
            case 0 or 1 or 2:
                args.AddRange(["search", FuzzText.Query(random) is var q && q.Length > 2000 ? q[..2000] : q, "--index", Index()]);
                foreach (var option in Enumerable.Range(0, random.Next(0, 5)))
                    args.AddRange(FuzzText.Pick(random, new[]
                    {
                        new[] { "-k", random.Next(-3, 1200).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        ["--offset", random.Next(-3, 12000).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                        ["--mode", FuzzText.Pick(random, ["hybrid", "bm25", "dense", "fuzzy", ""])],
                        ["--brand", FuzzText.Value(random)],
                        ["--min-price", FuzzText.Number(random)],
                        ["--max-price", FuzzText.Number(random)],
                        ["--filter", FuzzText.Pick(random, ["brand", "price", "rating", "nope", ""]) + "=" + FuzzText.Value(random)],
                        ["--fusion", FuzzText.Pick(random, ["rrf", "convex", "best"])],
                        ["--explain"],
                        ["--explain-lucene"],
                        ["--json"],
                    }));
                break;
            case 3:
                args.AddRange(["verify", "--index", Index()]);
                if (random.Next(2) == 0) args.Add("--quick");
                break;
            case 4:
                args.AddRange(["info", "--index", Index()]);
                break;
            case 5:
                args.AddRange(["upsert", Catalog(), "--index", Index()]);
                break;
            case 6:
                args.AddRange(["delete", "--index", Index()]);
                args.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(3) == 0 ? FuzzText.Value(random) : "p" + random.Next(50)));
                break;
            case 7:
                args.AddRange(["index", Catalog(), "--index", Index()]);
                if (random.Next(4) == 0) args.AddRange(["--format", FuzzText.Pick(random, ["jsonl", "csv", "tsv", "parquet", "xml"])]);
                if (random.Next(5) == 0) args.AddRange(["--map", FuzzText.Pick(random, ["title=product_title", "id=Nope", "name=x", "title"])]);
                if (random.Next(5) == 0) args.AddRange(["--locale", FuzzText.Pick(random, ["us", "es", " ", "zz"])]);
                if (random.Next(3) == 0) args.AddRange(["--model", FuzzText.Pick(random, ["minilm", "no-such-model", ""])]);
                break;
            default:
                args.AddRange(Enumerable.Range(0, random.Next(0, 5)).Select(_ => FuzzText.Pick(random, new[] { "search", "index", "--index", "-k", "--", "-", "--help=no", FuzzText.Value(random) })));
                break;
        }
        // The model runs on the CPU: "auto" would first try CUDA and may log a line about it.
        if (args.Count > 0 && args[0] is "search" or "upsert" or "index") args.AddRange(["--device", random.Next(15) == 0 ? "tpu" : "cpu"]);
        return [.. args];
    }
}
