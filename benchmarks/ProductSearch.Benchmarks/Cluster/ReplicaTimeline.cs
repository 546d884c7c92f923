using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>
/// Which silo serves which shard over time, from the silos' own log lines as they arrive ("Shard N: replica warm …",
/// "Shard N: replica released …"): the fewest warm replicas any shard had at any moment, and when each move ended.
/// A line is stamped when the harness reads it, a few milliseconds after the silo wrote it; a silo releases its replica
/// only after asking the new holder whether it is warm, so the order of the two lines is the order of the events.
/// </summary>
internal sealed partial class ReplicaTimeline
{
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<(double Seconds, int Silo, int Shard, bool Warm)> _events = new();
    private readonly Lock _gate = new();
    private readonly HashSet<(int Silo, int Shard)> _serving = [];
    private readonly int[] _fewest;

    /// <param name="silos">The silo processes to listen to.</param>
    /// <param name="clock">The run's clock.</param>
    /// <param name="initiallyServing">The (silo, shard) pairs already warm when listening starts.</param>
    /// <param name="shards">Shards of the cluster.</param>
    public ReplicaTimeline(SiloProcesses silos, Stopwatch clock, IEnumerable<(int Silo, int Shard)> initiallyServing, int shards)
    {
        _clock = clock;
        _serving.UnionWith(initiallyServing);
        _fewest = Enumerable.Range(0, shards).Select(Serving).ToArray();
        silos.OutputLine += Observe;
    }

    /// <summary>The fewest silos serving each shard at any moment since listening started.</summary>
    public IReadOnlyList<int> FewestServing
    {
        get { lock (_gate) return _fewest.ToArray(); }
    }

    /// <summary>Replicas opened and released since listening started, in order.</summary>
    public IReadOnlyList<(double Seconds, int Silo, int Shard, bool Warm)> Events => _events.ToArray();

    /// <summary>The silos serving <paramref name="shard"/> now.</summary>
    public int Serving(int shard)
    {
        lock (_gate) return _serving.Count(s => s.Shard == shard);
    }

    private void Observe(int silo, string line)
    {
        var match = ReplicaLine().Match(line);
        if (!match.Success) return;
        var shard = int.Parse(match.Groups["shard"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var warm = match.Groups["what"].Value == "warm";
        lock (_gate)
        {
            if (warm) _serving.Add((silo, shard));
            else _serving.Remove((silo, shard));
            if (shard < _fewest.Length) _fewest[shard] = Math.Min(_fewest[shard], _serving.Count(s => s.Shard == shard));
        }
        _events.Enqueue((_clock.Elapsed.TotalSeconds, silo, shard, warm));
    }

    [GeneratedRegex(@"Shard (?<shard>\d+): replica (?<what>warm|released)")]
    private static partial Regex ReplicaLine();
}
