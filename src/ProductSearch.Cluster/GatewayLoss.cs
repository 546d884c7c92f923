namespace ProductSearch.Cluster;

/// <summary>
/// Tells the client's requests when a gateway connection is lost: Orleans fails a request caught on a dead connection
/// only at its response timeout (30 s), so the requests running then are sent again through the gateways left. Resending
/// on this signal rather than on slowness keeps an overloaded cluster from being sent every slow request twice.
/// </summary>
internal sealed class GatewayLoss
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next loss of a gateway.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void OnCountChanged(GatewayCountChangedEventArgs change)
    {
        if (change.NumberOfConnectedGateways >= change.PreviousNumberOfConnectedGateways) return;
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
