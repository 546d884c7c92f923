using ProductSearch.Cli;

namespace ProductSearch.Tests.Support;

/// <summary>What one run of the command line gave: its exit code and what it printed on each stream.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines of standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}; stdout: {Output}; stderr: {Error}";
}

/// <summary>
/// Runs <c>productsearch</c> in this process with both console streams captured. Tests that use it belong to the
/// <see cref="ConsoleCapture"/> collection, which runs alone, so no other test writes into the captured streams.
/// </summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var (output, error) = (Console.Out, Console.Error);
        using var outWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        Console.SetOut(outWriter);
        Console.SetError(errorWriter);
        try
        {
            var code = await CliApp.RunAsync(args);
            return new CliResult(code, outWriter.ToString(), errorWriter.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
        }
    }
}
