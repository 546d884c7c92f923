using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductSearch.Behavior;

/// <summary>
/// Writes UBI records as one line of JSON each (JSON Lines), with the schema's snake_case field names and without
/// the fields that are absent. Written by hand rather than by a serializer so that the names on disk are spelled
/// out here, next to <see cref="UbiJsonParser"/>, which reads the same names back.
/// </summary>
public static class UbiJsonWriter
{
    // Relaxed escaping keeps product titles and queries in other scripts readable in the log; control characters,
    // quotes and backslashes are still escaped, and every line stays one line.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The query as one UTF-8 JSON line, ending in <c>\n</c>.</summary>
    public static byte[] ToLine(UbiQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Write(json =>
        {
            json.WriteString("query_id", query.QueryId);
            json.WriteString("user_query", query.UserQuery);
            WriteTimestamp(json, query.Timestamp);
            WriteIfSet(json, "client_id", query.ClientId);
            WriteIfSet(json, "application", query.Application);
            WriteIfSet(json, "query_response_id", query.QueryResponseId);
            json.WriteStartArray("query_response_hit_ids");
            foreach (var id in query.QueryResponseHitIds) json.WriteStringValue(id);
            json.WriteEndArray();
            WriteIfSet(json, "object_id_field", query.ObjectIdField);
            if (query.QueryAttributes is { } attributes)
            {
                json.WriteStartObject("query_attributes");
                foreach (var (key, value) in attributes) json.WriteString(key, value);
                json.WriteEndObject();
            }
        });
    }

    /// <summary>The event as one UTF-8 JSON line, ending in <c>\n</c>.</summary>
    public static byte[] ToLine(UbiEvent ubiEvent)
    {
        ArgumentNullException.ThrowIfNull(ubiEvent);
        return Write(json =>
        {
            json.WriteString("action_name", ubiEvent.ActionName);
            WriteIfSet(json, "query_id", ubiEvent.QueryId);
            WriteTimestamp(json, ubiEvent.Timestamp);
            WriteIfSet(json, "client_id", ubiEvent.ClientId);
            WriteIfSet(json, "session_id", ubiEvent.SessionId);
            WriteIfSet(json, "user_id", ubiEvent.UserId);
            WriteIfSet(json, "application", ubiEvent.Application);
            WriteIfSet(json, "message_type", ubiEvent.MessageType);
            WriteIfSet(json, "message", ubiEvent.Message);
            if (ubiEvent.EventAttributes is not { } attributes) return;
            json.WriteStartObject("event_attributes");
            if (attributes.Position is { } position)
            {
                json.WriteStartObject("position");
                if (position.Ordinal is { } ordinal) json.WriteNumber("ordinal", ordinal);
                if (position.PageDepth is { } depth) json.WriteNumber("page_depth", depth);
                json.WriteEndObject();
            }
            if (attributes.Object is { } target)
            {
                json.WriteStartObject("object");
                json.WriteString("object_id", target.ObjectId);
                WriteIfSet(json, "object_id_field", target.ObjectIdField);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        });
    }

    /// <summary>The format of <c>timestamp</c>: ISO 8601 to the millisecond with an explicit offset, which OpenSearch requires.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    private static void WriteTimestamp(Utf8JsonWriter json, DateTimeOffset timestamp) =>
        json.WriteString("timestamp", FormatTimestamp(timestamp));

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
