using ProductSearch.Fuzzing;

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
        var (code, output, error) = ChildProcess.Run(Executable, args);
        return new Result(code, output, error);
    }

    /// <summary>Runs a command (mount, umount) and says whether it succeeded.</summary>
    public static bool System(string command, params string[] args) => ChildProcess.Run(command, args).ExitCode == 0;
}
