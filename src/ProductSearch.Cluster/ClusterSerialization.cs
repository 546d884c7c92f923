using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ProductSearch.Catalog;
using ProductSearch.Indexing;

namespace ProductSearch.Cluster;

/// <summary>
/// How the engine's own types (requests, responses, products, statistics) cross between silos and clients: as JSON,
/// since they carry no Orleans attributes — every ProductSearch type that is not an Orleans-generated one. Fields are
/// included, so the candidate lists' (key, score) tuples travel; floats and doubles round-trip exactly in JSON, so a
/// score read on another silo is the score computed there.
/// </summary>
internal static class ClusterSerialization
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        IncludeFields = true,
        // Sort values are NaN for a product without one; JSON has no NaN, so it travels as the literal "NaN".
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new IndexSchemaConverter(), new AttributeValueConverter() },
    };

    /// <summary>
    /// A product's attribute value travels as the JSON value it is (a string, a number, <c>true</c>/<c>false</c>, as a
    /// JSONL catalog writes it), read back through its factories: it has no public constructor.
    /// </summary>
    private sealed class AttributeValueConverter : JsonConverter<AttributeValue>
    {
        public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => AttributeValue.Of(reader.GetString()!),
            JsonTokenType.Number => AttributeValue.Of(reader.GetDouble()),
            JsonTokenType.True or JsonTokenType.False => AttributeValue.Of(reader.GetBoolean()),
            _ => throw new JsonException($"An attribute value is a string, a number or a boolean, not {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options)
        {
            switch (value.Type)
            {
                case SchemaFieldType.Number: writer.WriteNumberValue(value.Number!.Value); break;
                case SchemaFieldType.Boolean: writer.WriteBooleanValue(value.Boolean!.Value); break;
                default: writer.WriteStringValue(value.Keyword); break;
            }
        }
    }

    /// <summary>A schema travels as its own file's JSON (<see cref="IndexSchema.ToJson"/>, read back by <see cref="IndexSchema.Parse"/>): it has no public constructor.</summary>
    private sealed class IndexSchemaConverter : JsonConverter<IndexSchema>
    {
        public override IndexSchema Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return IndexSchema.Parse(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, IndexSchema value, JsonSerializerOptions options) => writer.WriteRawValue(value.ToJson());
    }

    public static bool IsJsonType(Type type) =>
        type.Namespace is { } ns && (ns == "ProductSearch" || ns.StartsWith("ProductSearch.", StringComparison.Ordinal))
        && type.GetCustomAttribute<GenerateSerializerAttribute>() is null;

    public static void Add(IServiceCollection services) => services.AddSerializer(serializer => serializer.AddJsonSerializer(IsJsonType, Options));
}
