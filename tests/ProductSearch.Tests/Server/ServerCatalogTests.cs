using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ProductSearch.Tests.Server;

/// <summary>The service's custom attributes, typed filters, sort, facets, schema and merchandising rules, end to end over HTTP.</summary>
public sealed class ServerCatalogTests
{
    private const string Shirts = """
        [{"id": "s1", "title": "Linen Shirt", "brand": "Acme", "price": 20, "attributes": {"size": "M", "rating_avg": 4.5, "in_stock": true}},
         {"id": "s2", "title": "Linen Shirt Long", "brand": "Acme", "price": 40, "attributes": {"size": "L", "rating_avg": 3.0, "in_stock": false}},
         {"id": "s3", "title": "Linen Shirt Short", "brand": "Brio", "price": 30, "attributes": {"size": "S", "rating_avg": 4.8, "in_stock": true}}]
        """;

    [Fact]
    public async Task Attributes_written_by_put_are_filtered_sorted_and_faceted_by_get_and_post()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var put = await (await admin.PutAsync("/products", Json(Shirts))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, put.GetProperty("added").GetInt32());
        var product = await admin.GetFromJsonAsync<JsonElement>("/products/s1");
        Assert.Equal("M", product.GetProperty("attributes").GetProperty("size").GetString());
        Assert.Equal(4.5, product.GetProperty("attributes").GetProperty("rating_avg").GetDouble());
        Assert.True(product.GetProperty("attributes").GetProperty("in_stock").GetBoolean());

        var search = service.Client(TestService.SearchKey);
        var get = await search.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt&filter=rating_avg>=4&filter=size=M,S&sort=price:desc&facet=brand&facet=in_stock");
        Assert.Equal(["s3", "s1"], Ids(get));
        Assert.Equal(2, get.GetProperty("totalHits").GetInt32());
        Assert.False(get.GetProperty("totalHitsLowerBound").GetBoolean());
        Assert.Equal("price:desc", get.GetProperty("sort").GetString());
        Assert.Equal("S", get.GetProperty("hits")[0].GetProperty("product").GetProperty("attributes").GetProperty("size").GetString());
        var brands = get.GetProperty("facets").GetProperty("brand").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Acme"] = 1, ["Brio"] = 1 }, brands);
        Assert.False(get.GetProperty("facets").GetProperty("brand")[0].TryGetProperty("min", out _));

        var post = await (await search.PostAsync("/search", Json("""
            {"query": "linen shirt", "filter": ["in_stock=true"], "sort": "price:asc",
             "facets": ["size", {"field": "price", "ranges": [{"max": 25}, {"min": 25}]}]}
            """))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["s1", "s3"], Ids(post));
        Assert.Equal(2, post.GetProperty("totalHits").GetInt32());
        var prices = post.GetProperty("facets").GetProperty("price");
        Assert.Equal(1, prices[0].GetProperty("count").GetInt32());
        Assert.Equal(25, prices[0].GetProperty("max").GetDouble());
        Assert.Equal(25, prices[1].GetProperty("min").GetDouble());
        Assert.Equal(2, post.GetProperty("facets").GetProperty("size").GetArrayLength());
    }

    [Theory]
    [InlineData("/search?q=shirt&filter=rating_avg", "filter", "no operator")]
    [InlineData("/search?q=shirt&filter=nope=1", "filter", "Unknown filter field 'nope'")]
    [InlineData("/search?q=shirt&sort=price:sideways", "sort", "direction")]
    [InlineData("/search?q=shirt&sort=size:asc", "sort", "not sortable")]
    [InlineData("/search?q=shirt&facet=nope", "facet", "Unknown facet field 'nope'")]
    public async Task A_bad_filter_sort_or_facet_is_a_400_naming_it_with_the_cores_message(string address, string parameter, string message)
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.PutAsync("/products", Json(Shirts));
        var answer = await admin.GetAsync(address);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains(message, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_facets_in_a_body_are_named_facets()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.PutAsync("/products", Json(Shirts));
        foreach (var body in new[] { """{"query": "shirt", "facets": ["size", {"field": "size", "ranges": [{"min": 1}]}]}""", """{"query": "shirt", "facets": [""]}""" })
        {
            var answer = await admin.PostAsync("/search", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("facets", out _), body);
        }
        var unknownMember = await admin.PostAsync("/search", Json("""{"query": "shirt", "facets": [{"field": "size", "bins": 3}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
    }

    [Fact]
    public async Task A_patch_sets_and_removes_single_attributes_without_embedding_again()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.PutAsync("/products", Json(Shirts));

        var set = await (await admin.PatchAsync("/products/s1", Json("""{"attributes": {"size": "XL", "material": "linen", "in_stock": null}}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, set.GetProperty("updated").GetInt32());
        Assert.Equal(0, set.GetProperty("embedded").GetInt32());
        var attributes = (await admin.GetFromJsonAsync<JsonElement>("/products/s1")).GetProperty("attributes");
        Assert.Equal("XL", attributes.GetProperty("size").GetString());
        Assert.Equal("linen", attributes.GetProperty("material").GetString());
        Assert.Equal(4.5, attributes.GetProperty("rating_avg").GetDouble());
        Assert.False(attributes.TryGetProperty("in_stock", out _));
        Assert.Equal(["s1"], Ids(await admin.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt&filter=size=xl")));

        var cleared = await (await admin.PatchAsync("/products/s1", Json("""{"attributes": null}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, cleared.GetProperty("embedded").GetInt32());
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/products/s1")).TryGetProperty("attributes", out var none) && none.EnumerateObject().Any());
    }

    [Theory]
    [InlineData("""[{"id": "a1", "title": "T", "attributes": {"size": {"eu": 40}}}]""", "record 1.attributes.size", "an object")]
    [InlineData("""[{"id": "a1", "title": "T", "attributes": {"sizes": ["M", "L"]}}]""", "record 1.attributes.sizes", "an array")]
    [InlineData("""[{"id": "a1", "title": "T"}, {"id": "a2", "title": "T", "attributes": {"Size": "M"}}]""", "record 2.attributes.Size", "lowercase")]
    [InlineData("""[{"id": "a1", "title": "T", "attributes": {"brand": "M"}}]""", "record 1.attributes.brand", "built-in")]
    [InlineData("""[{"id": "a1", "title": "T", "attributes": {"size": " "}}]""", "record 1.attributes.size", "blank")]
    [InlineData("""[{"id": "a1", "title": "T", "attributes": ["M"]}]""", "record 1.attributes", "an object of name")]
    public async Task Nested_or_misnamed_attributes_are_refused_naming_record_and_field(string body, string key, string reason)
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        var before = (await admin.GetFromJsonAsync<JsonElement>("/search?q=t&k=1")).GetProperty("generation").GetInt64();
        var answer = await admin.PutAsync("/products", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty(key)[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/search?q=t&k=1")).GetProperty("generation").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsync("/products/t1", Json("""{"attributes": {"size": [1]}}"""))).StatusCode);
    }

    [Fact]
    public async Task The_schema_is_read_and_set_in_one_commit_and_a_type_change_needs_rebuild()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.PutAsync("/products", Json(Shirts));
        var schema = await admin.GetFromJsonAsync<JsonElement>("/schema");
        Assert.Equal("keyword", schema.GetProperty("fields").GetProperty("size").GetProperty("type").GetString());
        var generation = (await admin.GetFromJsonAsync<JsonElement>("/search?q=shirt")).GetProperty("generation").GetInt64();

        var sortable = await admin.PutAsync("/schema", Json("""{"fields": {"rating_avg": {"type": "number", "filterable": true, "sortable": true, "facetable": false}}}"""));
        Assert.Equal(HttpStatusCode.OK, sortable.StatusCode);
        Assert.Equal(generation + 1, (await sortable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generation").GetInt64());
        var noFacet = await admin.GetAsync("/search?q=shirt&facet=rating_avg");
        Assert.Equal(HttpStatusCode.BadRequest, noFacet.StatusCode);
        Assert.Contains("not facetable", await noFacet.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var typeChange = await admin.PutAsync("/schema", Json("""{"fields": {"size": {"type": "number", "filterable": true}}}"""));
        Assert.Equal(HttpStatusCode.Conflict, typeChange.StatusCode);
        var conflict = await typeChange.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("rebuild=true", conflict.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.True(conflict.GetProperty("errors").TryGetProperty("fields.size", out _));
        Assert.Equal(generation + 1, (await admin.GetFromJsonAsync<JsonElement>("/search?q=shirt")).GetProperty("generation").GetInt64());

        var rebuilt = await admin.PutAsync("/schema?rebuild=true", Json("""{"fields": {"size": {"type": "number", "filterable": true}}}"""));
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.Contains("size", (await rebuilt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reanalysed").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("number", (await admin.GetFromJsonAsync<JsonElement>("/schema")).GetProperty("fields").GetProperty("size").GetProperty("type").GetString());

        var bad = await admin.PutAsync("/schema", Json("""{"fields": {"size": {"type": "keyword"}, "weight": {"type": "colour"}}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fields.weight", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/schema", Json("""{"fieldz": {}}"""))).StatusCode);
    }

    [Fact]
    public async Task Rules_are_set_read_applied_with_explain_and_cleared_each_in_one_commit()
    {
        await using var service = await TestService.StartAsync();
        var admin = service.Client(TestService.AdminKey);
        await admin.PutAsync("/products", Json(Shirts));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/rules")).GetProperty("rules").EnumerateArray());
        var withoutRules = (await admin.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt")).GetProperty("totalHits").GetInt32();

        var set = await admin.PutAsync("/rules", Json("""
            {"rules": [{"name": "brio first", "query": {"contains": ["linen"]}, "pin": [{"id": "s3", "position": 1}, {"id": "gone", "position": 2}], "hide": ["s2"]}]}
            """));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var result = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("rules").GetInt32());
        Assert.Equal("gone", Assert.Single(result.GetProperty("unknownProducts").EnumerateArray()).GetProperty("productId").GetString());
        Assert.Equal("brio first", (await admin.GetFromJsonAsync<JsonElement>("/rules")).GetProperty("rules")[0].GetProperty("name").GetString());

        var explained = await admin.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt&explain=true");
        Assert.Equal("s3", Ids(explained)[0]);
        Assert.DoesNotContain("s2", Ids(explained));
        Assert.Equal(withoutRules - 1, explained.GetProperty("totalHits").GetInt32()); // the hidden product is not counted
        Assert.Equal("pinned", explained.GetProperty("hits")[0].GetProperty("merchandising")[0].GetProperty("action").GetString());
        Assert.Equal("brio first", explained.GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.Equal("s2", explained.GetProperty("hidden")[0].GetProperty("productId").GetString());
        var plain = await admin.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt");
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("hits")[0].GetProperty("merchandising").ValueKind);

        var bad = await admin.PutAsync("/rules", Json("""{"rules": [{"query": {"exact": "x"}, "pin": [{"id": "s1", "position": 0}]}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("rule 1.pin", problem.GetProperty("errors").EnumerateObject().Single().Name, StringComparison.Ordinal);
        var unknownField = await admin.PutAsync("/rules", Json("""{"rules": [{"query": {"exact": "x"}, "boost": ["nope=1"]}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal("brio first", (await admin.GetFromJsonAsync<JsonElement>("/rules")).GetProperty("rules")[0].GetProperty("name").GetString());

        var cleared = await admin.DeleteAsync("/rules");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(result.GetProperty("generation").GetInt64() + 1, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generation").GetInt64());
        Assert.Equal(withoutRules, (await admin.GetFromJsonAsync<JsonElement>("/search?q=linen+shirt")).GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task Schema_and_rules_need_the_admin_key_and_the_openapi_document_lists_the_new_parameters()
    {
        await using var service = await TestService.StartAsync();
        foreach (var (method, path) in new[] { ("GET", "/schema"), ("PUT", "/schema"), ("GET", "/rules"), ("PUT", "/rules"), ("DELETE", "/rules") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await service.Client(TestService.SearchKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") })).StatusCode);
        }

        var openApi = await service.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        var parameters = paths.GetProperty("/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        foreach (var name in new[] { "filter", "sort", "facet", "explain" }) Assert.Contains(name, parameters);
        Assert.True(paths.GetProperty("/schema").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/rules").TryGetProperty("delete", out _));
        var body = openApi.GetProperty("components").GetProperty("schemas").GetProperty("SearchBody").GetProperty("properties");
        foreach (var name in new[] { "filter", "sort", "facets", "explain" }) Assert.True(body.TryGetProperty(name, out _), name);
    }

    private static string[] Ids(JsonElement answer) => answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
