using ProductSearch.Fuzzing;

namespace ProductSearch.Tests.Support;

/// <summary>Runs the built <c>productsearch</c> (beside the tests) in a child process, with both streams captured.</summary>
internal static class ChildProcessCli
{
    public static CliResult Run(params string[] args)
    {
        var (code, output, error) = ChildProcess.Run(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "productsearch.exe" : "productsearch"), args);
        return new CliResult(code, output, error);
    }
}
