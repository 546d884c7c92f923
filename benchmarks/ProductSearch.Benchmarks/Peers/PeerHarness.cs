using System.Globalization;
using ProductSearch.Benchmarks.Common;

namespace ProductSearch.Benchmarks.Peers;

/// <summary>
/// <c>peers [--min-calls N] [--hnsw-calls N] [--reembed] [--no-node]</c>: ProductSearch and the engines users would pick instead, on
/// the shared ESCI sample with the same all-MiniLM-L6-v2 vectors, in one run: ours (bm25, dense, hybrid), Lucene.Net
/// BM25 alone, exact brute force, our HNSW graph alone, then LanceDB, Orama and hnswlib-node through Node. Prints
/// one set of tables and writes them to benchmarks/out/peers/peers.md.
/// </summary>
internal static class PeerHarness
{
    private static readonly int[] EfValues = [16, 32, 64, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        var minimumCalls = 1000;
        var hnswCalls = 20_000; // a graph search takes ~0.1 ms: a few seconds of them per ef, not a tenth of one
        bool reembed = false, withNode = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--min-calls": minimumCalls = int.Parse(Scale.ScaleOptions.Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--hnsw-calls": hnswCalls = int.Parse(Scale.ScaleOptions.Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--reembed": reembed = true; break;
                case "--no-node": withNode = false; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' for peers (known: --min-calls, --hnsw-calls, --reembed, --no-node).");
            }
        }
        var output = Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "peers");
        var command = "dotnet run -c Release --project benchmarks/ProductSearch.Benchmarks -- peers " + string.Join(' ', args);
        var header = $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {MachineInfo.Describe()}, load average {LoadAverage.OneMinute():F1} at the start.\nCommand: `{command.TrimEnd()}`";
        Console.Error.WriteLine(header);

        var data = await PeerData.LoadAsync(Path.Combine(output, "data"), reembed);
        var results = new List<PeerResult>();
        Console.Error.WriteLine("[peers] ProductSearch…");
        results.AddRange(await OurSystems.RunEngineAsync(data, minimumCalls));
        Console.Error.WriteLine("[peers] Lucene.Net BM25…");
        results.Add(LuceneBm25Peer.Run(data, minimumCalls));
        Console.Error.WriteLine("[peers] brute force…");
        var (exactResult, exact) = ExactPeer.Run(data, minimumCalls);
        results.Add(exactResult);
        Console.Error.WriteLine("[peers] our HNSW graph…");
        results.AddRange(OurSystems.RunHnsw(data, hnswCalls, EfValues));

        NodePeerOutput? node = null;
        var notes = new List<string>();
        if (withNode)
        {
            (node, var nodeNotes) = await NodePeers.RunAsync(data.Folder, minimumCalls, hnswCalls, EfValues);
            notes.AddRange(nodeNotes);
            if (node is not null) results.AddRange(node.Systems);
        }
        else notes.Add("--no-node: LanceDB, Orama and hnswlib-node were not run.");

        var table = PeerTable.Render(data, results, exact, node, notes, header + $"; load average {LoadAverage.OneMinute():F1} at the end.");
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(output, "peers.md"), table);
        return 0;
    }
}
