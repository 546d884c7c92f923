using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductSearch.Server.Api;

/// <summary>Reads a facet of <c>POST /search</c> as a field's name (<c>"brand"</c>) or an object (<c>{"field": "price", "ranges": […]}</c>).</summary>
internal sealed class FacetBodyJsonConverter : JsonConverter<FacetBody>
{
    public override FacetBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new FacetBody(reader.GetString(), null);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A facet is a field's name or {\"field\", \"ranges\"}.");
        return JsonSerializer.Deserialize(ref reader, FacetJson.Default.FacetObject) is { } facet ? new FacetBody(facet.Field, facet.Ranges) : null;
    }

    public override void Write(Utf8JsonWriter writer, FacetBody value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new FacetObject(value.Field, value.Ranges), FacetJson.Default.FacetObject);
}

/// <summary>The object form of a facet, read without the converter (which would call itself).</summary>
internal sealed record FacetObject(string? Field, IReadOnlyList<RangeBody>? Ranges);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FacetObject))]
internal sealed partial class FacetJson : JsonSerializerContext;
