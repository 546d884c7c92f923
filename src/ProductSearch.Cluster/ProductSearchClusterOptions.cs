using System.Net;

namespace ProductSearch.Cluster;

/// <summary>How a client reaches a ProductSearch cluster.</summary>
public sealed class ProductSearchClusterOptions
{
    /// <summary>The silos' gateway endpoints (<c>host:port</c>); the client connects to the live ones and moves on when one dies.</summary>
    public IList<string> Gateways { get; set; } = ["127.0.0.1:30000"];

    /// <summary>The Orleans cluster id the silos were started with.</summary>
    public string ClusterId { get; set; } = "productsearch";

    /// <summary>The Orleans service id the silos were started with.</summary>
    public string ServiceId { get; set; } = "productsearch";

    /// <summary>The gateways as endpoints.</summary>
    /// <exception cref="ArgumentException">None is given, or one is not <c>host:port</c> (named).</exception>
    public IReadOnlyList<IPEndPoint> GatewayEndpoints()
    {
        if (Gateways.Count == 0) throw new ArgumentException("At least one gateway (host:port) is required.", nameof(Gateways));
        return Gateways.Select(gateway => IPEndPoint.TryParse(gateway, out var endpoint) && endpoint.Port > 0
                ? endpoint
                : throw new ArgumentException($"Gateway '{gateway}' is not an IP address and port (like 127.0.0.1:30000).", nameof(Gateways)))
            .ToArray();
    }
}
