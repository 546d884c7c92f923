using System.Diagnostics;
using ProductSearch.Catalog;
using ProductSearch.Cluster;

namespace ProductSearch.Benchmarks.Cluster;

/// <summary>One batch a writer loop sent: its products, what an update replaced, and whether the cluster acknowledged it.</summary>
internal sealed class WrittenBatch(int trial, int number, double startedSeconds, IReadOnlyList<Product> products, IReadOnlyDictionary<string, string> replaced)
{
    public int Trial { get; } = trial;

    public int Number { get; } = number;

    public double StartedSeconds { get; } = startedSeconds;

    public IReadOnlyList<Product> Products { get; } = products;

    /// <summary>The acknowledged title each updated product had before this batch.</summary>
    public IReadOnlyDictionary<string, string> Replaced { get; } = replaced;

    /// <summary>When the acknowledgement came, or <c>null</c> while in flight or when the write failed (then it is in doubt).</summary>
    public double? AcknowledgedSeconds { get; set; }

    public bool Failed { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// A client writing batches through <see cref="ProductSearchClusterClient.UpsertAsync"/> one after another, recording
/// each: new products, plus one update of a product acknowledged before (so acknowledged <em>content</em> is checked,
/// not only presence). A batch whose call failed is in doubt; products it touched are left alone from then on.
/// </summary>
internal sealed class WriteLedger
{
    private readonly Lock _gate = new();
    private readonly List<WrittenBatch> _batches = [];
    private readonly Dictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inDoubt = new(StringComparer.Ordinal);
    private CancellationTokenSource? _waiting;

    public IReadOnlyList<WrittenBatch> Batches
    {
        get { lock (_gate) return _batches.ToArray(); }
    }

    /// <summary>Each acknowledged product's acknowledged title, leaving out those an in-doubt batch touched later.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged
    {
        get { lock (_gate) return _acknowledged.Where(p => !_inDoubt.Contains(p.Key)).ToDictionary(); }
    }

    /// <summary>The batch in flight, if one is.</summary>
    public WrittenBatch? InFlight
    {
        get { lock (_gate) return _batches.LastOrDefault(b => b.AcknowledgedSeconds is null && !b.Failed); }
    }

    /// <summary>Writes batches until <paramref name="stop"/> is cancelled (the batch in flight then finishes).</summary>
    public async Task WriteAsync(ProductSearchClusterClient client, int trial, int size, Random random, Stopwatch clock, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var batch = Next(trial, size, random, clock);
            using var waiting = new CancellationTokenSource();
            lock (_gate) _waiting = waiting;
            try
            {
                await client.UpsertAsync(batch.Products, waiting.Token);
                lock (_gate)
                {
                    batch.AcknowledgedSeconds = clock.Elapsed.TotalSeconds;
                    foreach (var product in batch.Products) _acknowledged[product.Id] = product.Title;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lock (_gate)
                {
                    batch.Failed = true;
                    batch.Error = $"{ex.GetType().Name}: {ex.Message}";
                    _inDoubt.UnionWith(batch.Products.Select(p => p.Id));
                }
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Stops waiting for the batch in flight, as a client that gives up would: it is then in doubt, whatever the cluster
    /// does with it (the call already sent may still commit).
    /// </summary>
    public void AbandonInFlight()
    {
        lock (_gate) _waiting?.Cancel();
    }

    private WrittenBatch Next(int trial, int size, Random random, Stopwatch clock)
    {
        lock (_gate)
        {
            var number = _batches.Count + 1;
            var products = Enumerable.Range(1, size - 1).Select(i => Product($"crash-{number:D5}-{i}", $"kayak paddle batch {number} item {i}")).ToList();
            var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
            var candidates = _acknowledged.Keys.Where(id => !_inDoubt.Contains(id)).ToArray();
            if (candidates.Length > 0)
            {
                var id = candidates[random.Next(candidates.Length)];
                replaced[id] = _acknowledged[id];
                products.Add(Product(id, $"kayak paddle updated by batch {number}"));
            }
            var batch = new WrittenBatch(trial, number, clock.Elapsed.TotalSeconds, products, replaced);
            _batches.Add(batch);
            return batch;
        }
    }

    private static Product Product(string id, string title) =>
        new() { Id = id, Title = title, Brand = "Crashproof", Price = 10 + id.Length, Description = "A product written by the cluster crash harness." };
}
