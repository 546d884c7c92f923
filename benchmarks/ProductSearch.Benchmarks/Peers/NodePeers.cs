using System.Diagnostics;
using System.Text.Json;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// Runs benchmarks/peers/run.mjs (LanceDB, Orama, hnswlib-node) on the peer data folder, installing its pinned
/// packages first (<c>npm ci</c>) when node_modules is missing. Anything that fails is returned as a note for the
/// table instead of stopping the run.
/// </summary>
internal static class NodePeers
{
    public static string Folder => Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "peers");

    public static async Task<(NodePeerOutput? Output, IReadOnlyList<string> Notes)> RunAsync(string dataFolder, int minimumCalls, int hnswCalls, IReadOnlyList<int> efValues)
    {
        var notes = new List<string>();
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            Console.Error.WriteLine("[peers] installing the Node peers (npm ci in benchmarks/peers)…");
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            if (install != 0) notes.Add($"npm ci in benchmarks/peers exited with {install}; the Node peers that did not install are missing below.");
        }
        var output = Path.Combine(dataFolder, "node-results.json");
        File.Delete(output);
        var exit = await RunAsync("node", ["run.mjs", "--data", dataFolder, "--out", output, "--min-calls", minimumCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--hnsw-calls", hnswCalls.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ef", string.Join(',', efValues)]);
        if (exit != 0 || !File.Exists(output))
        {
            notes.Add($"node run.mjs exited with {exit}; no Node peer results.");
            return (null, notes);
        }
        var parsed = JsonSerializer.Deserialize<NodePeerOutput>(await File.ReadAllTextAsync(output));
        notes.AddRange(parsed?.Failures.Select(f => $"{f.System} could not run: {f.Error}") ?? []);
        return (parsed, notes);
    }

    private static async Task<int> RunAsync(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LANCEDB_LOG"] = "error"; // LanceDB logs a deprecation notice for every hybrid query otherwise
        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.Error.WriteLine($"[peers] cannot start '{program}' ({ex.Message}): is Node.js installed?");
            return -1;
        }
    }
}
