using System.Diagnostics;

namespace ProductSearch.Benchmarks.Hardening;

/// <summary>Runs the built <c>productsearch</c> in a child process, as an operator would, and returns what it gave.</summary>
internal static class ChildCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>Exit 2 with exactly one line, starting <c>error: </c> and holding <paramref name="part"/>.</summary>
        public bool IsOneLineRefusal(string part) => ExitCode == 2 && ErrorLines is [var line] && line.StartsWith("error: ", StringComparison.Ordinal) && line.Contains(part, StringComparison.Ordinal);
    }

    private static readonly string Executable = BenchmarkPaths.Cli;

    public static Result Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a command (mount, umount) and says whether it succeeded.</summary>
    public static bool System(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
