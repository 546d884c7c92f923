using System.CommandLine;
using Microsoft.Extensions.Hosting;
using ProductSearch.Server;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch serve --index DIR --urls URL</c>: the HTTP search service (<see cref="ProductSearchServerApp"/>)
/// over an index — search, suggest, product reads and writes, API keys, metrics — until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const string AdminKeyVariable = "PRODUCTSEARCH_ADMIN_KEY";
    public const string AdminKeyFileVariable = "PRODUCTSEARCH_ADMIN_KEY_FILE";
    public const string SearchKeysVariable = "PRODUCTSEARCH_SEARCH_KEYS";

    public static Command Create()
    {
        var index = CliOptions.Index(required: true);
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated (default http://127.0.0.1:5000). A non-loopback address needs an API key.",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var adminKeyFile = new Option<string?>("--admin-key-file")
        {
            Description = $"File holding the admin key, or 'sha256:' and its hash (default: ${AdminKeyFileVariable}; or the key itself in ${AdminKeyVariable}).",
        };
        var keyStore = new Option<string?>("--key-store") { Description = "File keeping the hashes of search keys made through POST /keys (default: they last until the service stops)." };
        var concurrency = new Option<int>("--max-concurrent") { Description = "Requests served at once; more queue, then get 429.", DefaultValueFactory = _ => 64 };
        var queue = new Option<int>("--queue") { Description = "Requests that may wait for a place before 429.", DefaultValueFactory = _ => 64 };
        var refresh = new Option<double>("--refresh-seconds") { Description = "How often the service looks for commits made by other writers (the CLI).", DefaultValueFactory = _ => 2 };
        var device = CliOptions.Device();
        var command = new Command("serve", $"Serve an index over HTTP: search, suggest, products, writes (admin key), /metrics, /health, /openapi/v1.json. Keys: ${AdminKeyVariable}, ${SearchKeysVariable}.")
        {
            index, urls, adminKeyFile, keyStore, concurrency, queue, refresh, device,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var indexPath = parse.GetValue(index)!;
            var computeDevice = Embedding.ComputeDevice.Parse(parse.GetValue(device)!);
            var refreshSeconds = parse.GetValue(refresh);
            if (refreshSeconds is < 0 or > 3600) throw new ArgumentException("--refresh-seconds must be between 0 and 3600.");
            var addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = ProductSearchServerApp.Build(engine =>
                {
                    engine.IndexPath = indexPath;
                    engine.Device = computeDevice;
                    engine.RefreshInterval = TimeSpan.FromSeconds(refreshSeconds);
                }, server =>
                {
                    server.AdminKey = Environment.GetEnvironmentVariable(AdminKeyVariable);
                    server.AdminKeyFile = parse.GetValue(adminKeyFile) ?? Environment.GetEnvironmentVariable(AdminKeyFileVariable);
                    foreach (var key in (Environment.GetEnvironmentVariable(SearchKeysVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        server.SearchKeys.Add(key);
                    server.KeyStoreFile = parse.GetValue(keyStore);
                    server.ConcurrencyLimit = parse.GetValue(concurrency);
                    server.QueueLimit = parse.GetValue(queue);
                }, addresses);
            }
            catch (ServerStartException ex)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message);
                return CliErrors.BadInput;
            }
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            return 0;
        }));
        return command;
    }
}
