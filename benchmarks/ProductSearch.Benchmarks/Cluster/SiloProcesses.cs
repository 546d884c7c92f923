using System.Diagnostics;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// Silo processes of the cluster sample (samples/ClusterSilo) on loopback: silo i listens on 11111 + i with gateway
/// 30000 + i, each with its own replica folder; with localhost clustering silo 0 is the seed (never the one killed),
/// with a PostgreSQL membership table (ADO.NET clustering) there is none.
/// </summary>
internal sealed class SiloProcesses : IDisposable
{
    public const int FirstSiloPort = 21111;
    public const int FirstGatewayPort = 31000;

    private readonly string _clusterPath;
    private readonly string _root;
    private readonly Process?[] _silos;
    private readonly string? _postgres;

    /// <param name="postgres">A PostgreSQL connection string for the membership table (ADO.NET clustering), or <c>null</c> for localhost clustering.</param>
    public SiloProcesses(string clusterPath, string root, int count, string? postgres)
    {
        _postgres = postgres;
        _clusterPath = clusterPath;
        _root = root;
        _silos = new Process?[count];
    }

    public int Count => _silos.Length;

    public IEnumerable<string> Gateways => Enumerable.Range(0, Count).Select(i => $"127.0.0.1:{FirstGatewayPort + i}");

    /// <summary>Each line a silo writes to standard output (its log), with the silo's index, as it arrives.</summary>
    public event Action<int, string>? OutputLine;

    /// <summary>The sample's build beside this harness's (same configuration).</summary>
    private static string SiloDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(BenchmarkPaths.RepositoryRoot, "samples", "ClusterSilo", "bin", framework.Parent!.Name, framework.Name, "ClusterSilo.dll");
        }
    }

    /// <summary>Starts silo <paramref name="index"/> and waits until it has joined.</summary>
    public async Task StartAsync(int index, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     SiloDll, "--cluster", _clusterPath, "--replicas", Path.Combine(_root, "silo" + index),
                     "--silo-port", (FirstSiloPort + index).ToString(), "--gateway-port", (FirstGatewayPort + index).ToString(),
                     "--primary-port", FirstSiloPort.ToString(),
                 })
            info.ArgumentList.Add(arg);
        if (_postgres is not null)
        {
            info.ArgumentList.Add("--postgres");
            info.ArgumentList.Add(_postgres);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        _silos[index] = process;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            if (line.StartsWith("silo ready", StringComparison.Ordinal)) ready.TrySetResult();
            OutputLine?.Invoke(index, line);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[silo {index}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(timeout)) != ready.Task)
            throw new InvalidOperationException($"Silo {index} did not start within {timeout.TotalSeconds:0} s (exited: {process.HasExited}).");
    }

    /// <summary>SIGKILL: the process dies at once, with no goodbye to the cluster.</summary>
    public void Kill(int index)
    {
        _silos[index]?.Kill(entireProcessTree: false);
        _silos[index]?.WaitForExit();
        _silos[index]?.Dispose();
        _silos[index] = null;
    }

    public void Dispose()
    {
        for (var i = _silos.Length - 1; i >= 0; i--)
        {
            if (_silos[i] is not { } process) continue;
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
