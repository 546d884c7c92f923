using System.Text.Json;
using System.Text.Json.Serialization;
using ProductSearch.Catalog;

namespace ProductSearch.Server.Api;

/// <summary>
/// Writes a custom attribute as the plain JSON value it is (<c>"M"</c>, <c>4.5</c>, <c>true</c>), as products are
/// sent to <c>PUT /products</c> and as the CLI prints them; reading goes through <see cref="Writes.ProductJson"/>.
/// </summary>
internal sealed class AttributeValueJsonConverter : JsonConverter<AttributeValue>
{
    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => AttributeValue.Of(reader.GetString()!),
        JsonTokenType.Number => AttributeValue.Of(reader.GetDouble()),
        JsonTokenType.True => AttributeValue.Of(true),
        JsonTokenType.False => AttributeValue.Of(false),
        _ => throw new JsonException("An attribute is a string, a number or a boolean."),
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
