using ProductSearch.Embedding;

namespace ProductSearch.Indexing;

/// <summary>
/// Overlaps the three kinds of work in a write: while batch n's vectors go into the graph (on
/// <see cref="Vector.HnswOptions.AddThreads"/> threads) and its products into the store and the lexical index (on the
/// caller's thread), batch n + 1 is embedded and batch n + 2 read and planned. The graph takes one batch at a time and
/// in order, so a product changed twice in one write is removed and re-added in the order read.
/// </summary>
/// <remarks>
/// A failure in any stage surfaces from the next <see cref="AcceptAsync"/> or from <see cref="CompleteAsync"/> as that
/// stage's own exception; the caller then disposes the transaction uncommitted. <see cref="DisposeAsync"/> waits for
/// work still running, so nothing touches the transaction after it is gone.
/// </remarks>
internal sealed class WritePipeline(GenerationTransaction transaction, ITextEmbedder embedder, SchemaInference schema,
    CancellationToken cancellationToken) : IAsyncDisposable
{
    private WritePlan? _embedding;
    private Task<float[][]> _vectors = Task.FromResult(Array.Empty<float[]>());
    private Task _graph = Task.CompletedTask;

    /// <summary>Starts embedding <paramref name="plan"/>, after handing the batch before it to the graph and the stores.</summary>
    public async ValueTask AcceptAsync(WritePlan plan)
    {
        var ready = _embedding;
        var vectors = await _vectors.ConfigureAwait(false);
        _embedding = plan;
        _vectors = plan.ToEmbed.Count == 0 ? Task.FromResult(Array.Empty<float[]>()) : Task.Run(() => Embed(plan), cancellationToken);
        if (ready is not null) await WriteAsync(ready, vectors).ConfigureAwait(false);
    }

    /// <summary>Writes the last batch and waits until the graph holds every vector.</summary>
    public async ValueTask CompleteAsync()
    {
        if (_embedding is { } last)
        {
            _embedding = null;
            await WriteAsync(last, await _vectors.ConfigureAwait(false)).ConfigureAwait(false);
        }
        await _graph.ConfigureAwait(false);
    }

    private async ValueTask WriteAsync(WritePlan plan, float[][] vectors)
    {
        await _graph.ConfigureAwait(false);
        if (plan.ToEmbed.Count > 0) _graph = Task.Run(() => AddToGraph(plan, vectors), cancellationToken);
        if (plan.ToWrite.Count == 0) return;
        schema.Observe(plan.ToWrite.Select(p => p.Product).ToArray());
        transaction.Schema = schema.Schema;
        transaction.Store.Upsert(plan.ToWrite);
        foreach (var item in plan.ToWrite)
        {
            if (plan.NewKeys.Contains(item.Key)) transaction.Lexical.Add(item.Key, item.Product);
            else transaction.Lexical.Upsert(item.Key, item.Product);
        }
    }

    private float[][] Embed(WritePlan plan) =>
        embedder.Embed(plan.ToEmbed.Select(p => Catalog.ProductFingerprint.EmbeddedText(p.Product)).ToArray(), EmbeddingPurpose.Document, cancellationToken);

    private void AddToGraph(WritePlan plan, float[][] vectors)
    {
        var dimensions = embedder.Dimensions;
        var flat = new float[plan.ToEmbed.Count * dimensions];
        for (var i = 0; i < vectors.Length; i++) vectors[i].CopyTo(flat, i * dimensions);
        transaction.AddVectors(plan.ToEmbed.Select(p => (ulong)p.Key).ToArray(), flat); // replaces a key's old vector
    }

    /// <summary>Waits for the embedding and graph work still running, whatever became of it (a failure is already being reported).</summary>
    public async ValueTask DisposeAsync()
    {
        try { await _vectors.ConfigureAwait(false); } catch (Exception) { /* reported by the stage that awaited it, or moot after another failure */ }
        try { await _graph.ConfigureAwait(false); } catch (Exception) { /* as above */ }
    }
}
