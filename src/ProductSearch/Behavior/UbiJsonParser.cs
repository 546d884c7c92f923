using System.Globalization;
using System.Text.Json;

namespace ProductSearch.Behavior;

/// <summary>
/// Reads UBI query and event records from JSON, by the schema's rules (1.3.0): required fields, types and the
/// schema's length limits. A record that breaks one is refused with a <see cref="UbiFieldError"/> naming the field,
/// so a log reader can report the line and an HTTP endpoint can answer 400 naming it. Fields the schema leaves open
/// (<c>additionalProperties</c>) and fields this library does not use are ignored.
/// </summary>
public static class UbiJsonParser
{
    /// <summary>The schema's limit on ids, names and types (<c>query_id</c>, <c>client_id</c>, <c>action_name</c>, …).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The schema's limit on <c>object_id</c>.</summary>
    public const int MaxObjectIdLength = 256;

    /// <summary>The schema's limit on <c>message</c>.</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>Reads a query record.</summary>
    public static bool TryParseQuery(JsonElement json, out UbiQuery? query, out UbiFieldError? error)
    {
        query = null;
        var fields = new Fields(json);
        var queryId = fields.RequiredString("query_id", MaxNameLength);
        var userQuery = fields.RequiredString("user_query", maxLength: null);
        var timestamp = fields.RequiredTimestamp("timestamp");
        var clientId = fields.OptionalString("client_id", MaxNameLength);
        var application = fields.OptionalString("application", MaxNameLength);
        var responseId = fields.OptionalString("query_response_id", MaxNameLength);
        var objectIdField = fields.OptionalString("object_id_field", MaxNameLength);
        var hitIds = fields.OptionalIdList("query_response_hit_ids");
        var attributes = fields.OptionalAttributes("query_attributes");
        error = fields.Error;
        if (error is not null) return false;
        query = new UbiQuery
        {
            QueryId = queryId!,
            UserQuery = userQuery!,
            Timestamp = timestamp,
            ClientId = clientId,
            Application = application,
            QueryResponseId = responseId,
            ObjectIdField = objectIdField,
            QueryResponseHitIds = hitIds ?? [],
            QueryAttributes = attributes,
        };
        return true;
    }

    /// <summary>Reads an event record.</summary>
    public static bool TryParseEvent(JsonElement json, out UbiEvent? ubiEvent, out UbiFieldError? error)
    {
        ubiEvent = null;
        var fields = new Fields(json);
        var action = fields.RequiredString("action_name", MaxNameLength);
        var timestamp = fields.RequiredTimestamp("timestamp");
        var queryId = fields.OptionalString("query_id", MaxNameLength);
        var clientId = fields.OptionalString("client_id", MaxNameLength);
        var sessionId = fields.OptionalString("session_id", MaxNameLength);
        var userId = fields.OptionalString("user_id", MaxNameLength);
        var application = fields.OptionalString("application", MaxNameLength);
        var messageType = fields.OptionalString("message_type", MaxNameLength);
        var message = fields.OptionalString("message", MaxMessageLength);
        var attributes = fields.Object("event_attributes") is { } a ? ReadAttributes(a, fields) : null;
        error = fields.Error;
        if (error is not null) return false;
        ubiEvent = new UbiEvent
        {
            ActionName = action!,
            Timestamp = timestamp,
            QueryId = queryId,
            ClientId = clientId,
            SessionId = sessionId,
            UserId = userId,
            Application = application,
            MessageType = messageType,
            Message = message,
            EventAttributes = attributes,
        };
        return true;
    }

    private static UbiEventAttributes ReadAttributes(JsonElement json, Fields parent)
    {
        var fields = parent.Nested(json, "event_attributes");
        UbiPosition? position = null;
        if (fields.Object("position") is { } p)
        {
            var inner = fields.Nested(p, "event_attributes.position");
            position = new UbiPosition { Ordinal = inner.Ordinal("ordinal"), PageDepth = inner.OptionalInteger("page_depth", minimum: 0) };
        }
        UbiObject? target = null;
        if (fields.Object("object") is { } o)
        {
            var inner = fields.Nested(o, "event_attributes.object");
            var id = inner.RequiredId("object_id", MaxObjectIdLength);
            var idField = inner.OptionalString("object_id_field", MaxNameLength);
            if (id is not null) target = new UbiObject { ObjectId = id, ObjectIdField = idField };
        }
        return new UbiEventAttributes { Position = position, Object = target };
    }

    /// <summary>Reads the fields of one JSON object, keeping the first problem met (later reads then return defaults).</summary>
    private sealed class Fields
    {
        private readonly JsonElement _json;
        private readonly string _path;
        private readonly Fields? _root;
        private UbiFieldError? _error;

        public Fields(JsonElement json) : this(json, "", null)
        {
            if (json.ValueKind != JsonValueKind.Object)
                _error = new UbiFieldError("record", $"A UBI record is a JSON object, not {Kind(json)}.");
        }

        private Fields(JsonElement json, string path, Fields? root) => (_json, _path, _root) = (json, path, root);

        public UbiFieldError? Error => _root is null ? _error : _root.Error;

        public Fields Nested(JsonElement json, string path) => new(json, path, _root ?? this);

        public string? RequiredString(string name, int? maxLength) =>
            OptionalString(name, maxLength) is { } value ? value : Fail<string>(name, $"{Name(name)} is required.");

        public string? OptionalString(string name, int? maxLength)
        {
            if (!TryGet(name, out var value)) return null;
            if (value.ValueKind != JsonValueKind.String) return Fail<string>(name, $"{Name(name)} must be a string, not {Kind(value)}.");
            var text = value.GetString()!;
            if (text.Length == 0) return Fail<string>(name, $"{Name(name)} is empty.");
            if (text.Length > maxLength) return Fail<string>(name, $"{Name(name)} is {text.Length} characters long; the UBI schema allows {maxLength}.");
            return text;
        }

        /// <summary>An id the schema allows as a string or an integer, read as text.</summary>
        public string? RequiredId(string name, int maxLength)
        {
            if (!TryGet(name, out var value)) return Fail<string>(name, $"{Name(name)} is required.");
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number.ToString(CultureInfo.InvariantCulture);
            return OptionalString(name, maxLength);
        }

        public DateTimeOffset RequiredTimestamp(string name)
        {
            if (!TryGet(name, out var value)) return Fail(name, $"{Name(name)} is required.", default(DateTimeOffset));
            // OpenSearch's UBI mapping takes RFC 3339 text or epoch milliseconds; a time without an offset is read as UTC.
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var millis) && millis >= 0 && millis <= 253402300799999)
                return DateTimeOffset.FromUnixTimeMilliseconds(millis);
            if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
                return parsed;
            return Fail(name, $"{Name(name)} must be an ISO 8601 date-time such as 2026-11-27T14:25:13Z (or epoch milliseconds).", default(DateTimeOffset));
        }

        /// <summary><c>ordinal</c>: an integer from 1, or the schema 1.0 form <c>{"index": n}</c>.</summary>
        public int? Ordinal(string name)
        {
            if (TryGet(name, out var value) && value.ValueKind == JsonValueKind.Object)
                return Nested(value, Name(name)).OptionalInteger("index", minimum: 1);
            return OptionalInteger(name, minimum: 1);
        }

        public int? OptionalInteger(string name, int minimum)
        {
            if (!TryGet(name, out var value)) return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
                return Fail<int?>(name, $"{Name(name)} must be a whole number, not {Kind(value)}.");
            if (number < minimum) return Fail<int?>(name, $"{Name(name)} must be at least {minimum}, got {number}.");
            return number;
        }

        public IReadOnlyList<string>? OptionalIdList(string name)
        {
            if (!TryGet(name, out var value)) return null;
            if (value.ValueKind != JsonValueKind.Array) return Fail<IReadOnlyList<string>>(name, $"{Name(name)} must be a list of ids, not {Kind(value)}.");
            var ids = new List<string>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id) ids.Add(id);
                else if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var number)) ids.Add(number.ToString(CultureInfo.InvariantCulture));
                else return Fail<IReadOnlyList<string>>(name, $"{Name(name)}[{ids.Count}] must be a non-empty string id, not {Kind(item)}.");
            }
            return ids;
        }

        public IReadOnlyDictionary<string, string>? OptionalAttributes(string name)
        {
            if (Object(name) is not { } value) return null;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
                attributes[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            return attributes;
        }

        public JsonElement? Object(string name)
        {
            if (!TryGet(name, out var value)) return null;
            return value.ValueKind == JsonValueKind.Object ? value : Fail<JsonElement?>(name, $"{Name(name)} must be a JSON object, not {Kind(value)}.");
        }

        // A field set to null counts as absent, as in the schema's optional fields.
        private bool TryGet(string name, out JsonElement value)
        {
            if (Error is null && _json.ValueKind == JsonValueKind.Object && _json.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
                return true;
            value = default;
            return false;
        }

        private string Name(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

        private T? Fail<T>(string name, string message) => Fail(name, message, default(T));

        private T Fail<T>(string name, string message, T fallback)
        {
            var root = _root ?? this;
            root._error ??= new UbiFieldError(Name(name), message);
            return fallback;
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };
}
