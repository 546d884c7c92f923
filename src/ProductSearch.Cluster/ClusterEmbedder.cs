using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductSearch.Embedding;
using ProductSearch.Sharding;

namespace ProductSearch.Cluster;

/// <summary>
/// The silo's one model, loaded on first use: the one named in the options, else the one the first shard was built
/// with. A host may register its own <see cref="ITextEmbedder"/> (a GPU runtime, a test double) instead.
/// </summary>
internal sealed class ClusterEmbedder : IDisposable
{
    private bool _owned;

    public ClusterEmbedder(IOptions<ProductSearchSiloOptions> options, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        Model = new Lazy<ITextEmbedder>(() =>
        {
            if (services.GetService(typeof(ITextEmbedder)) is ITextEmbedder given) return given;
            var settings = options.Value;
            var model = settings.Model is { Length: > 0 } named ? named : new ShardedIndexLayout(settings.ClusterPath).ReadManifest().Model.Source;
            _owned = true;
            return OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = settings.Device }, loggerFactory.CreateLogger<ClusterEmbedder>());
        });
    }

    public Lazy<ITextEmbedder> Model { get; }

    public void Dispose()
    {
        if (Model.IsValueCreated && _owned) Model.Value.Dispose(); // a registered one is its container's to dispose
    }
}
