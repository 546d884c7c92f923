using System.Diagnostics;
using System.Reflection;

namespace ProductSearch.Benchmarks.Common;

/// <summary>Starts this same benchmark program as a child process: its apphost, or <c>dotnet &lt;dll&gt;</c> when started that way.</summary>
internal static class SelfProcess
{
    public static Process Start(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{host}'.");
    }
}
