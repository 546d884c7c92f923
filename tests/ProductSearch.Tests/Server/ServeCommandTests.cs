using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Server;

/// <summary><c>productsearch serve</c>'s refusals to start: one line each, exit code 2, before anything listens.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_refuses_a_public_address_without_a_key_and_an_unreadable_key_file_in_one_line()
    {
        using var temp = new TempFolder();
        var index = temp.File("idx");
        TinyIndex.Build(index, 5);
        var saved = (Environment.GetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY"), Environment.GetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY_FILE"),
            Environment.GetEnvironmentVariable("PRODUCTSEARCH_SEARCH_KEYS"));
        try
        {
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY", null);
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY_FILE", null);
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_SEARCH_KEYS", null);
            var open = await CliRun.RunAsync("serve", "--index", index, "--urls", "http://0.0.0.0:5099");
            Assert.Equal(2, open.ExitCode);
            Assert.StartsWith("error: Refusing to serve http://0.0.0.0:5099 without an API key", Assert.Single(open.ErrorLines));

            var missing = temp.File("no-key");
            var unreadable = await CliRun.RunAsync("serve", "--index", index, "--urls", "http://127.0.0.1:5099", "--admin-key-file", missing);
            Assert.Equal(2, unreadable.ExitCode);
            Assert.Contains(missing, Assert.Single(unreadable.ErrorLines));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY", saved.Item1);
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY_FILE", saved.Item2);
            Environment.SetEnvironmentVariable("PRODUCTSEARCH_SEARCH_KEYS", saved.Item3);
        }
    }
}
