using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProductSearch.Indexing;

namespace ProductSearch.Tests.Server;

public sealed class ServerWriteTests
{
    [Fact]
    public async Task An_upsert_is_one_commit_answered_with_its_generation_and_found_by_the_next_search()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var before = await Generation(admin);

        var put = await admin.PutAsJsonAsync("/products", new object[]
        {
            new { id = "n1", title = "Zebra Desk Lamp", brand = "Lumo", price = 30.5, categories = new[] { "Home", "Lighting" } },
            new { id = "n2", title = "Zebra Floor Lamp", brand = "Lumo" },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var result = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before + 1, result.GetProperty("generation").GetInt64());
        Assert.Equal(2, result.GetProperty("added").GetInt32());
        Assert.Equal(2, result.GetProperty("embedded").GetInt32());

        var search = await admin.GetFromJsonAsync<JsonElement>("/search?q=zebra+desk+lamp&k=3");
        Assert.Equal(before + 1, search.GetProperty("generation").GetInt64());
        Assert.Equal("n1", search.GetProperty("hits")[0].GetProperty("id").GetString());
        var filtered = await admin.GetFromJsonAsync<JsonElement>("/search?q=zebra+lamp&brand=lumo&maxPrice=31");
        Assert.Equal("n1", Assert.Single(filtered.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString());
        var product = await admin.GetFromJsonAsync<JsonElement>("/products/n1");
        Assert.Equal(30.5m, product.GetProperty("price").GetDecimal());

        // JSON Lines too.
        var jsonl = new StringContent("{\"id\":\"n3\",\"title\":\"Quokka Plush Toy\"}\n{\"id\":\"n4\",\"title\":\"Quokka Mug\"}\n", Encoding.UTF8, "application/x-ndjson");
        var lines = await (await admin.PutAsync("/products", jsonl)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before + 2, lines.GetProperty("generation").GetInt64());
        Assert.Equal("n3", (await admin.GetFromJsonAsync<JsonElement>("/search?q=quokka+plush")).GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_sent_and_embeds_again_only_for_a_new_title()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var original = await admin.GetFromJsonAsync<JsonElement>("/products/t3");

        var price = await admin.PatchAsync("/products/t3", Json("{\"price\": 99.95, \"color\": null}"));
        Assert.Equal(HttpStatusCode.OK, price.StatusCode);
        var priced = await price.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, priced.GetProperty("updated").GetInt32());
        Assert.Equal(0, priced.GetProperty("embedded").GetInt32());
        var after = await admin.GetFromJsonAsync<JsonElement>("/products/t3");
        Assert.Equal(99.95m, after.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("color").ValueKind);
        Assert.Equal(original.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.Equal(original.GetProperty("brand").GetString(), after.GetProperty("brand").GetString());
        var priceFilter = await admin.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString(original.GetProperty("title").GetString()!) + "&minPrice=99&maxPrice=100");
        Assert.Equal("t3", Assert.Single(priceFilter.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString());

        var title = await (await admin.PatchAsync("/products/t3", Json("{\"title\": \"Wombat Hiking Boots\"}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, title.GetProperty("embedded").GetInt32());
        Assert.Equal("t3", (await admin.GetFromJsonAsync<JsonElement>("/search?q=wombat+boots&mode=dense")).GetProperty("hits")[0].GetProperty("id").GetString());

        var same = await (await admin.PatchAsync("/products/t3", Json("{\"price\": 99.95}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(same.GetProperty("committed").GetBoolean());
        Assert.Equal(title.GetProperty("generation").GetInt64(), same.GetProperty("generation").GetInt64());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsync("/products/nope", Json("{\"price\": 1}"))).StatusCode);
    }

    [Fact]
    public async Task Deletes_one_or_many_products_in_one_commit_each()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/products/t1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/products/t1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/products/t1")).StatusCode);

        var many = await admin.PostAsJsonAsync("/products/delete", new { ids = new[] { "t2", "t4", "missing" } });
        var result = await many.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("deleted").GetInt32());
        Assert.Equal(1, result.GetProperty("notFound").GetInt32());
        Assert.Equal(17, result.GetProperty("products").GetInt64());
        var hits = (await admin.GetFromJsonAsync<JsonElement>("/search?q=t2&k=50&mode=bm25")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString());
        Assert.DoesNotContain("t2", hits);
    }

    [Theory]
    [InlineData("[{\"id\":\"ok1\",\"title\":\"Fine\"},{\"id\":\"ok2\",\"title\":\"Fine\",\"stock\":3}]", "record 2.stock", "not a product field")]
    [InlineData("[{\"id\":\"ok1\",\"title\":\"Fine\"},{\"id\":\"ok2\",\"title\":\"Fine\",\"price\":\"cheap\"}]", "record 2.price", "must be a number")]
    [InlineData("[{\"id\":\"ok1\",\"title\":\"Fine\"},{\"id\":\"ok2\"}]", "record 2.title", "is required")]
    [InlineData("[{\"id\":\"ok1\",\"title\":\"Fine\"},{\"id\":\"ok2\",\"title\":\"Fine\",\"rating\":7}]", "record 2.rating", "between 0 and 5")]
    [InlineData("[{\"id\":\"ok1\",\"title\":\"Fine\"}, {\"id\":", "record 0.body", "not valid JSON")]
    [InlineData("{\"id\":\"ok1\",\"title\":\"Fine\"}\n{\"id\":\"ok2\",\"title\":\"Fine\",\"colour\":\"red\"}\n", "record 2.colour", "not a product field")]
    [InlineData("[]", "record 0.body", "holds no product")]
    public async Task A_bad_record_is_named_with_its_field_and_nothing_of_the_request_is_written(string body, string key, string reason)
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var before = await Generation(admin);
        var response = await admin.PutAsync("/products", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty(key)[0].GetString());
        Assert.Contains("Nothing of this request was written", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Generation(admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/products/ok1")).StatusCode);
    }

    [Fact]
    public async Task An_over_long_id_a_bad_patch_and_an_id_change_are_refused()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var longId = new string('x', SearchEngine.MaxProductIdLength + 1);
        var put = await admin.PutAsJsonAsync("/products", new[] { new { id = longId, title = "Fine" } });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("record 1.id", await put.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsync("/products/t1", Json("{\"title\": null}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsync("/products/t1", Json("{\"id\": \"t9\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsync("/products/t1", Json("{\"price\": -1}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsync("/products/t1", Json("not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/products/delete", new { ids = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/products/delete", new { ids = new[] { "t1" }, all = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/products/t1")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_too_many_products_400()
    {
        await using var service = await TestService.StartAsync(o => { o.MaxRequestBodyBytes = 2048; o.MaxProductsPerWrite = 3; });
        var admin = service.Client(TestService.AdminKey);
        var big = Enumerable.Range(0, 40).Select(i => new { id = $"b{i}", title = "A product with a fairly long title number " + i }).ToArray();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await admin.PutAsJsonAsync("/products", big)).StatusCode);
        var four = await admin.PutAsJsonAsync("/products", big.Take(4));
        Assert.Equal(HttpStatusCode.BadRequest, four.StatusCode);
        Assert.Contains("at most 3", await four.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/products/b0")).StatusCode);
    }

    [Fact]
    public async Task A_write_while_another_writer_holds_the_index_gets_409_and_changes_nothing()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var before = await Generation(admin);
        using (WriterLock.Acquire(service.IndexPath, "productsearch upsert (test)"))
        {
            var put = await admin.PutAsJsonAsync("/products", new[] { new { id = "n1", title = "Zebra Desk Lamp" } });
            Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
            var detail = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains("productsearch upsert (test)", detail);
            Assert.DoesNotContain(service.Folder, detail); // the index is named by its folder's name, not its path
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsync("/products/t1", Json("{\"price\": 1}"))).StatusCode);
        }
        Assert.Equal(before, await Generation(admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/products", new[] { new { id = "n1", title = "Zebra Desk Lamp" } })).StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<long> Generation(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/search?q=anything&k=1")).GetProperty("generation").GetInt64();
}
