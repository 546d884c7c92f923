using Microsoft.Extensions.Hosting;

namespace ProductSearch.AspNetCore;

/// <summary>
/// Opens the engine while the app starts, so the first shopper does not wait for the model to load and a broken
/// index shows in the log and on the health endpoint at once. It never fails start-up: see <see cref="SearchEngineProvider"/>.
/// </summary>
internal sealed class SearchEngineStartup(SearchEngineProvider provider) : IHostedService
{
    // Opening loads an ONNX model and memory-maps the stores: blocking work, kept off the host's start-up thread.
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(provider.EnsureOpen, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
