using System.Diagnostics;

namespace ProductSearch.Fuzzing;

/// <summary>Runs a program in a child process with both streams captured, as an operator's shell would.</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="executable"/> with <paramref name="args"/>; returns its exit code and what it printed.</summary>
    public static (int ExitCode, string Output, string Error) Run(string executable, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
