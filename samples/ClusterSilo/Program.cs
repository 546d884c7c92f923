using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

// A ProductSearch cluster on this machine (localhost clustering: every silo names the first one's port as the seed).
// The catalog as a sharded index (the cluster folder), then three silos serving it, then a query through them:
//   dotnet run -c Release --project samples/ClusterSilo -- index samples/demo-catalog.jsonl --cluster DIR --shards 4
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo0 --silo-port 11111 --gateway-port 30000
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo1 --silo-port 11112 --gateway-port 30001
//   dotnet run -c Release --project samples/ClusterSilo -- --cluster DIR --replicas /tmp/silo2 --silo-port 11113 --gateway-port 30002
//   dotnet run -c Release --project samples/ClusterSilo -- search "white sneakers" --gateways 127.0.0.1:30000,127.0.0.1:30001
// Options: --primary-port (the seed silo's port, default 11111), --replica-count (default 2), --model (default: the
// shards' own), --postgres "Host=…;Database=…;Username=…" (membership in PostgreSQL instead of localhost clustering:
// run sql/PostgreSQL-Main.sql then sql/PostgreSQL-Clustering.sql on the database first). It prints "silo ready" once it has joined the cluster.
if (args is ["index", var catalog, ..])
{
    string Arg(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    if (Arg("--cluster", "") is not { Length: > 0 } cluster || !int.TryParse(Arg("--shards", "4"), out var shards) || shards < 1)
    {
        Console.Error.WriteLine("ClusterSilo index: --cluster DIR is required, and --shards must be a positive number.");
        return 2;
    }
    return ClusterSilo.ClusterCommands.Index(catalog, cluster, shards, Arg("--model", "arctic-xs"));
}
if (args is ["search", var query, ..])
{
    var at = Array.IndexOf(args, "--gateways");
    var gateways = at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries) : ["127.0.0.1:30000"];
    return await ClusterSilo.ClusterCommands.SearchAsync(query, gateways);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--cluster"] = "Cluster", ["--replicas"] = "Replicas", ["--silo-port"] = "SiloPort", ["--gateway-port"] = "GatewayPort",
    ["--primary-port"] = "PrimaryPort", ["--replica-count"] = "ReplicaCount", ["--model"] = "Model", ["--postgres"] = "Postgres",
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
builder.UseOrleans(silo =>
{
    if (settings["Postgres"] is { Length: > 0 } postgres)
    {
        // The membership table in PostgreSQL (after samples/ClusterSilo/sql/*.sql): any silo may die, none is the seed.
        silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = postgres;
            })
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("productsearch", "productsearch"))
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
    }
    else
    {
        silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primaryPort), "productsearch", "productsearch");
    }
    silo.AddProductSearchShards(o =>
    {
        o.ClusterPath = settings["Cluster"]!;
        o.ReplicaPath = settings["Replicas"]!;
        o.ReplicaCount = int.TryParse(settings["ReplicaCount"], out var count) ? count : 2;
        o.Model = settings["Model"];
    });
});
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"silo ready on {siloPort} (gateway {gatewayPort})");
await host.WaitForShutdownAsync();
return 0;
