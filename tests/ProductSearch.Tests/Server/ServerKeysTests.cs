using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductSearch.Server;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Server;

public sealed class ServerKeysTests
{
    [Fact]
    public async Task Reads_need_a_valid_key_and_writes_the_admin_key()
    {
        await using var service = await TestService.StartAsync();

        var anonymous = await service.Client(null).GetAsync("/search?q=red");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client("wrong-key-0123456789abcdef").GetAsync("/search?q=red")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(null).GetAsync("/metrics")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await service.Client(TestService.SearchKey).GetAsync("/search?q=red")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(TestService.AdminKey).GetAsync("/search?q=red")).StatusCode);

        var product = new[] { new { id = "n1", title = "Zebra Desk Lamp" } };
        var searcherWrites = await service.Client(TestService.SearchKey).PutAsJsonAsync("/products", product);
        Assert.Equal(HttpStatusCode.Forbidden, searcherWrites.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client(TestService.SearchKey).DeleteAsync("/products/t1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client(TestService.SearchKey).PostAsync("/keys", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client(TestService.AdminKey).GetAsync("/products/n1")).StatusCode); // nothing was written
        Assert.Equal(HttpStatusCode.OK, (await service.Client(TestService.AdminKey).PutAsJsonAsync("/products", product)).StatusCode);
    }

    [Fact]
    public async Task A_key_made_through_the_api_searches_until_revoked_and_only_its_hash_is_stored()
    {
        using var temp = new TempFolder();
        var store = temp.File("keys.json");
        await using var service = await TestService.StartAsync(o => o.KeyStoreFile = store);
        var admin = service.Client(TestService.AdminKey);

        var created = await admin.PostAsync("/keys", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetString()!;
        var key = answer.GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await service.Client(key).GetAsync("/search?q=red")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client(key).PutAsJsonAsync("/products", new[] { new { id = "x", title = "y" } })).StatusCode);
        var stored = await File.ReadAllTextAsync(store);
        Assert.Contains(id, stored);
        Assert.DoesNotContain(key, stored);
        var listed = await admin.GetStringAsync("/keys");
        Assert.Contains(id, listed);
        Assert.DoesNotContain(key, listed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(key).GetAsync("/search?q=red")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/keys/admin")).StatusCode); // configured keys are not revocable here
    }

    [Fact]
    public void Without_a_key_the_service_refuses_a_public_address_but_serves_loopback()
    {
        var refusal = Assert.Throws<ServerStartException>(() => ProductSearchServerApp.Build(_ => { }, _ => { }, ["http://0.0.0.0:5000"]));
        Assert.Contains("http://0.0.0.0:5000", refusal.Message);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Throws<ServerStartException>(() => ProductSearchServerApp.Build(_ => { }, _ => { }, ["http://127.0.0.1:5000", "http://*:5001"]));

        Assert.True(ProductSearchServerApp.IsLoopback("http://localhost:5000"));
        Assert.True(ProductSearchServerApp.IsLoopback("http://127.0.0.1:5000"));
        Assert.True(ProductSearchServerApp.IsLoopback("http://[::1]:5000"));
        Assert.False(ProductSearchServerApp.IsLoopback("http://+:5000"));
        Assert.False(ProductSearchServerApp.IsLoopback("http://example.com"));
    }

    [Fact]
    public async Task On_loopback_without_keys_everyone_may_search_and_write()
    {
        await using var service = await TestService.StartAsync(keys: false);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(null).GetAsync("/search?q=red")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(null).PutAsJsonAsync("/products", new[] { new { id = "n1", title = "Zebra Desk Lamp" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Client(null).PostAsync("/keys", null)).StatusCode);
    }

    [Fact]
    public void An_unreadable_key_file_or_a_short_key_stops_start_up_with_one_line()
    {
        using var temp = new TempFolder();
        var missing = temp.File("no-such-key");
        var error = Assert.Throws<ServerStartException>(() => ProductSearchServerApp.Build(_ => { }, o => o.AdminKeyFile = missing, ["http://127.0.0.1:0"]));
        Assert.Contains(missing, error.Message);
        Assert.DoesNotContain('\n', error.Message);

        var empty = temp.File("empty-key");
        File.WriteAllText(empty, "\n");
        Assert.Contains("empty", Assert.Throws<ServerStartException>(() => ProductSearchServerApp.Build(_ => { }, o => o.AdminKeyFile = empty, ["http://127.0.0.1:0"])).Message);

        var shortKey = Assert.Throws<ServerStartException>(() => ProductSearchServerApp.Build(_ => { }, o => o.AdminKey = "short", ["http://127.0.0.1:0"]));
        Assert.Contains("at least 16", shortKey.Message);
        Assert.DoesNotContain("short'", shortKey.Message); // the key itself is never repeated
    }

    [Fact]
    public async Task A_key_file_may_hold_the_keys_hash_instead_of_the_key()
    {
        using var temp = new TempFolder();
        var file = temp.File("admin.key");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("file-admin-key-0123456789")));
        File.WriteAllText(file, "sha256:" + hash + "\n");
        await using var service = await TestService.StartAsync(o => { o.AdminKey = null; o.AdminKeyFile = file; });
        Assert.Equal(HttpStatusCode.OK, (await service.Client("file-admin-key-0123456789").PutAsJsonAsync("/products", new[] { new { id = "n1", title = "Zebra Desk Lamp" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(hash).GetAsync("/search?q=red")).StatusCode);
    }
}
