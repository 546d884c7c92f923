using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductSearch.Behavior;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>The storefront's behaviour log: each search is a UBI query whose id the answer carries, and the page's events come back under it.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class BehaviorLogApiTests(StorefrontApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_search_is_logged_as_a_ubi_query_whose_id_the_answer_returns()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=girls+white+shoes&k=5&offset=2");
        request.Headers.Add("X-Ubi-Client-Id", "browser-7");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var queryId = answer.Text("queryId");
        Assert.True(Guid.TryParse(queryId, out _), queryId);

        var logged = Assert.Single(await QueriesAsync(), q => q.QueryId == queryId);
        Assert.Equal(("girls white shoes", "browser-7", "storefront", "product_id"), (logged.UserQuery, logged.ClientId, logged.Application, logged.ObjectIdField));
        Assert.Equal(answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("product").Text("id")), logged.QueryResponseHitIds);
        Assert.Equal(5, logged.QueryResponseHitIds.Count);
        Assert.Equal(("hybrid", "5", "2"), (logged.QueryAttributes!["mode"], logged.QueryAttributes["k"], logged.QueryAttributes["offset"]));
        Assert.Equal(3, UbiQueries.FirstPosition(logged));

        // The same request again is a new search with a new id, even when the engine answers it from its cache.
        var again = await _client.GetJsonAsync("/api/search?q=girls+white+shoes&k=5&offset=2");
        Assert.NotEqual(queryId, again.Text("queryId"));
    }

    [Fact]
    public async Task Events_posted_for_an_answer_are_logged_under_its_query_id()
    {
        var answer = await _client.GetJsonAsync("/api/search?q=leather+belt&k=3");
        var queryId = answer.Text("queryId");
        var product = answer.GetProperty("hits")[1].GetProperty("product").Text("id");
        var body = $$$$"""
            [{"action_name":"impression","query_id":"{{{{queryId}}}}","client_id":"browser-7","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"object":{"object_id":"{{{{product}}}}","object_id_field":"product_id"},"position":{"ordinal":2,"page_depth":1}}},
             {"action_name":"click","query_id":"{{{{queryId}}}}","client_id":"browser-7","timestamp":"2026-11-27T12:00:03Z","event_attributes":{"object":{"object_id":"{{{{product}}}}"},"position":{"ordinal":2}},"unknown_field":{"ignored":true}}]
            """;
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":2,"dropped":0}""", await response.Content.ReadAsStringAsync());

        var events = (await EventsAsync()).Where(e => e.QueryId == queryId).ToArray();
        Assert.Equal(["impression", "click"], events.Select(e => e.ActionName));
        Assert.All(events, e => Assert.Equal((product, 2, "storefront", "browser-7"), (e.ObjectId, e.Ordinal!.Value, e.Application, e.ClientId)));
        Assert.Equal(1, events[0].EventAttributes!.Position!.PageDepth);
    }

    private const string Ok = """{"action_name":"click","query_id":"q1","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"object":{"object_id":"P1"},"position":{"ordinal":1}}}""";

    public static TheoryData<string, string> BadBodies => new()
    {
        { """[{"query_id":"q1","timestamp":"2026-11-27T12:00:00Z"}]""", "[0].action_name" },
        { """[{"action_name":"click","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"object":{"object_id":"P1"},"position":{"ordinal":1}}}]""", "[0].query_id" },
        { "[" + Ok + """,{"action_name":"click","query_id":"q1","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"position":{"ordinal":1}}}]""", "[1].event_attributes.object.object_id" },
        { """[{"action_name":"impression","query_id":"q1","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"object":{"object_id":"P1"}}}]""", "[0].event_attributes.position.ordinal" },
        { """[{"action_name":"click","query_id":"q1","timestamp":"2026-11-27T12:00:00Z","event_attributes":{"object":{"object_id":"P1"},"position":{"ordinal":"2"}}}]""", "[0].event_attributes.position.ordinal" },
        { """{"action_name":"click","query_id":"q1","timestamp":"last week"}""", "timestamp" },
        { "[" + Ok.Replace("\"q1\"", "\"" + new string('q', 101) + "\"", StringComparison.Ordinal) + "]", "[0].query_id" },
        { "not json", "body" },
        { "[]", "body" },
        { "[" + string.Join(",", Enumerable.Repeat(Ok, 101)) + "]", "body" },
        { "42", "record" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_event_body_answers_400_naming_the_field_and_logs_none_of_it(string body, string field)
    {
        var before = (await EventsAsync()).Count;
        using var response = await PostAsync(body);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.Equal(before, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_and_one_that_is_not_json_415()
    {
        var padded = "[" + Ok.Replace("\"click\"", "\"click\",\"message\":\"" + new string('m', 1000) + "\"", StringComparison.Ordinal) + "]";
        var big = "[" + string.Join(",", Enumerable.Repeat(padded[1..^1], 70)) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(big) > 64 * 1024);
        using var tooLarge = await PostAsync(big);
        Assert.Contains("65536 bytes", (await Http.ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)).Text("detail"));
        using var text = await _client.PostAsync("/api/events", new StringContent("[" + Ok + "]", Encoding.UTF8, "text/plain"));
        await Http.ProblemAsync(text, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_bad_client_id_header_answers_400_naming_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=shoes");
        request.Headers.Add("X-Ubi-Client-Id", new string('c', 101));
        using var response = await _client.SendAsync(request);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("X-Ubi-Client-Id", out _));
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<List<UbiQuery>> QueriesAsync()
    {
        await app.Factory.Services.GetRequiredService<BehaviorLogWriter>().FlushAsync();
        var all = new List<UbiQuery>();
        foreach (var file in Directory.GetFiles(app.Factory.BehaviorLogFolder, "ubi_queries-*.jsonl"))
            await foreach (var line in BehaviorLogReader.ReadQueriesAsync(file)) all.Add(line.Record ?? throw new InvalidDataException(line.Error));
        return all;
    }

    private async Task<List<UbiEvent>> EventsAsync()
    {
        await app.Factory.Services.GetRequiredService<BehaviorLogWriter>().FlushAsync();
        var all = new List<UbiEvent>();
        if (!Directory.Exists(app.Factory.BehaviorLogFolder)) return all;
        foreach (var file in Directory.GetFiles(app.Factory.BehaviorLogFolder, "ubi_events-*.jsonl"))
            await foreach (var line in BehaviorLogReader.ReadEventsAsync(file)) all.Add(line.Record ?? throw new InvalidDataException(line.Error));
        return all;
    }
}
