using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

// One silo of a ProductSearch cluster on this machine (localhost clustering: every silo names the first one's port as
// the seed). Three silos serving a cluster folder:
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo0 --silo-port 11111 --gateway-port 30000
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo1 --silo-port 11112 --gateway-port 30001
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo2 --silo-port 11113 --gateway-port 30002
// Options: --primary-port (the seed silo's port, default 11111), --replica-count (default 2), --model (default: the
// shards' own). It prints "silo ready" once it has joined the cluster.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--cluster"] = "Cluster", ["--replicas"] = "Replicas", ["--silo-port"] = "SiloPort", ["--gateway-port"] = "GatewayPort",
    ["--primary-port"] = "PrimaryPort", ["--replica-count"] = "ReplicaCount", ["--model"] = "Model",
});
var settings = builder.Configuration;
if (string.IsNullOrWhiteSpace(settings["Cluster"]) || string.IsNullOrWhiteSpace(settings["Replicas"]))
{
    Console.Error.WriteLine("ClusterSilo: --cluster DIR (the sharded index folder) and --replicas DIR (this silo's own folder) are required.");
    return 2;
}
int Port(string key, int fallback) => int.TryParse(settings[key], out var port) && port is > 0 and < 65536 ? port : fallback;
var siloPort = Port("SiloPort", 11111);
var gatewayPort = Port("GatewayPort", 30000);
var primaryPort = Port("PrimaryPort", 11111);

builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("ProductSearch", LogLevel.Information);
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primaryPort), "productsearch", "productsearch")
    .AddProductSearchShards(o =>
    {
        o.ClusterPath = settings["Cluster"]!;
        o.ReplicaPath = settings["Replicas"]!;
        o.ReplicaCount = int.TryParse(settings["ReplicaCount"], out var count) ? count : 2;
        o.Model = settings["Model"];
    }));
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"silo ready on {siloPort} (gateway {gatewayPort})");
await host.WaitForShutdownAsync();
return 0;
