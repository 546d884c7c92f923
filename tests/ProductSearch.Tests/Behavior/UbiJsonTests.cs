using System.Text;
using System.Text.Json;
using ProductSearch.Behavior;

namespace ProductSearch.Tests.Behavior;

/// <summary>UBI records written as JSON lines and read back: the schema's field names, and refusals that name the field.</summary>
public sealed class UbiJsonTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 27, 14, 25, 13, 250, TimeSpan.Zero);

    [Fact]
    public void A_query_written_and_read_back_is_the_same_record_under_the_schema_s_names()
    {
        var query = new UbiQuery
        {
            QueryId = "5e3b2a1c-8b7d-4f2e-a3d4-c9b2e1f3a4b5", UserQuery = "girls \"white\" shoes ½", Timestamp = Time, ClientId = "browser-1",
            Application = "storefront", QueryResponseId = "r1", QueryResponseHitIds = ["B07", "B01", "B09"], ObjectIdField = "product_id",
            QueryAttributes = new Dictionary<string, string> { ["mode"] = "hybrid", ["offset"] = "24" },
        };
        var line = UbiJsonWriter.ToLine(query);
        Assert.Equal((byte)'\n', line[^1]);
        Assert.DoesNotContain((byte)'\n', line[..^1]);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["query_id", "user_query", "timestamp", "client_id", "application", "query_response_id", "query_response_hit_ids", "object_id_field", "query_attributes"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-27T14:25:13.250+00:00", json.RootElement.GetProperty("timestamp").GetString());

        Assert.True(UbiJsonParser.TryParseQuery(json.RootElement, out var read, out var error), error?.Message);
        Assert.Equal(query with { QueryResponseHitIds = read!.QueryResponseHitIds, QueryAttributes = read.QueryAttributes }, read);
        Assert.Equal(query.QueryResponseHitIds, read.QueryResponseHitIds);
        Assert.Equal(query.QueryAttributes, read.QueryAttributes);
        Assert.Equal(25, UbiQueries.FirstPosition(read));
    }

    [Fact]
    public void An_event_written_and_read_back_is_the_same_record_and_absent_fields_stay_absent()
    {
        var full = UbiEvent.OnObject(UbiActions.Click, "q-1", "B01", 3, Time) with
        {
            ClientId = "c", SessionId = "s", UserId = "u", Application = "storefront", MessageType = "CONVERSION", Message = "a note",
        };
        full = full with { EventAttributes = full.EventAttributes! with { Position = new UbiPosition { Ordinal = 3, PageDepth = 1 } } };
        var bare = new UbiEvent { ActionName = "login", Timestamp = Time };
        foreach (var ubiEvent in new[] { full, bare })
        {
            using var json = JsonDocument.Parse(UbiJsonWriter.ToLine(ubiEvent));
            Assert.True(UbiJsonParser.TryParseEvent(json.RootElement, out var read, out var error), error?.Message);
            Assert.Equal(ubiEvent, read);
        }
        Assert.Equal("{\"action_name\":\"login\",\"timestamp\":\"2026-11-27T14:25:13.250+00:00\"}\n", Encoding.UTF8.GetString(UbiJsonWriter.ToLine(bare)));
        Assert.Equal(("B01", 3), (full.ObjectId, full.Ordinal));
    }

    [Fact]
    public void Other_producers_forms_are_read_epoch_milliseconds_integer_ids_the_1_0_ordinal_and_extra_fields()
    {
        var ok = Event("""{"action_name":"click","timestamp":1795789513250,"query_id":"q","extra":{"x":1},"event_attributes":{"object":{"object_id":123,"name":"n"},"position":{"ordinal":{"index":4}}}}""");
        Assert.Equal((Time, "123", 4), (ok.Timestamp, ok.ObjectId, ok.Ordinal));
        Assert.True(UbiJsonParser.TryParseQuery(Json("""{"query_id":"q","user_query":"x","timestamp":"2026-11-27T14:25:13.25","query_response_hit_ids":[1,"B2"],"query_attributes":{"k":24}}"""), out var query, out _));
        Assert.Equal((Time, "24"), (query!.Timestamp, query.QueryAttributes!["k"]));
        Assert.Equal(["1", "B2"], query.QueryResponseHitIds);
    }

    [Theory]
    [InlineData("""{"timestamp":"2026-11-27T14:25:13Z"}""", "action_name", "is required")]
    [InlineData("""{"action_name":"","timestamp":"2026-11-27T14:25:13Z"}""", "action_name", "is empty")]
    [InlineData("""{"action_name":7,"timestamp":"2026-11-27T14:25:13Z"}""", "action_name", "must be a string")]
    [InlineData("""{"action_name":"click"}""", "timestamp", "is required")]
    [InlineData("""{"action_name":"click","timestamp":"yesterday"}""", "timestamp", "ISO 8601")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","client_id":"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x"}""", "client_id", "101 characters")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","event_attributes":[]}""", "event_attributes", "JSON object")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","event_attributes":{"position":{"ordinal":0}}}""", "event_attributes.position.ordinal", "at least 1")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","event_attributes":{"position":{"ordinal":"3"}}}""", "event_attributes.position.ordinal", "whole number")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","event_attributes":{"position":{"ordinal":{"index":-2}}}}""", "event_attributes.position.ordinal.index", "at least 1")]
    [InlineData("""{"action_name":"click","timestamp":"2026-11-27T14:25:13Z","event_attributes":{"object":{}}}""", "event_attributes.object.object_id", "is required")]
    [InlineData("""["click"]""", "record", "JSON object")]
    public void A_bad_event_is_refused_naming_the_field(string json, string field, string message)
    {
        Assert.False(UbiJsonParser.TryParseEvent(Json(json), out var read, out var error));
        Assert.Null(read);
        Assert.Equal(field, error!.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("[2]." + field, error.Within("[2]").Field);
    }

    [Theory]
    [InlineData("""{"user_query":"x","timestamp":"2026-11-27T14:25:13Z"}""", "query_id")]
    [InlineData("""{"query_id":"q","timestamp":"2026-11-27T14:25:13Z"}""", "user_query")]
    [InlineData("""{"query_id":"q","user_query":"x","timestamp":"2026-11-27T14:25:13Z","query_response_hit_ids":"B1"}""", "query_response_hit_ids")]
    [InlineData("""{"query_id":"q","user_query":"x","timestamp":"2026-11-27T14:25:13Z","query_response_hit_ids":["B1",null]}""", "query_response_hit_ids")]
    public void A_bad_query_is_refused_naming_the_field(string json, string field)
    {
        Assert.False(UbiJsonParser.TryParseQuery(Json(json), out _, out var error));
        Assert.Equal(field, error!.Field);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static UbiEvent Event(string json)
    {
        Assert.True(UbiJsonParser.TryParseEvent(Json(json), out var read, out var error), error?.Message);
        return read!;
    }
}
