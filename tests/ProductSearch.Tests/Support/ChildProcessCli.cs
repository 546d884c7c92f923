using System.Diagnostics;

namespace ProductSearch.Tests.Support;

/// <summary>Runs the built <c>productsearch</c> (beside the tests) in a child process, with both streams captured.</summary>
internal static class ChildProcessCli
{
    public static CliResult Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "productsearch.exe" : "productsearch"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
