using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storefront.Api;

/// <summary>
/// Describes hand-parsed query parameters in the OpenAPI document from <see cref="SearchParameters"/>, the same table
/// the parser enforces, so the document states the real types and limits.
/// </summary>
internal static class OpenApiQueryParameters
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> For(IReadOnlyList<SearchParameters.Parameter> parameters) =>
        (operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Required = parameter.Required,
                    Description = parameter.Description,
                    Schema = Schema(parameter),
                });
            }
            return Task.CompletedTask;
        };

    private static OpenApiSchema Schema(SearchParameters.Parameter parameter)
    {
        var schema = parameter.Type switch
        {
            SearchParameters.Kind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            SearchParameters.Kind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" },
            SearchParameters.Kind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            SearchParameters.Kind.Mode => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("hybrid"), JsonValue.Create("keyword"), JsonValue.Create("semantic")] },
            SearchParameters.Kind.Locale => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ProductSearch.Lexical.CatalogLocale.Known.Select(l => (JsonNode)JsonValue.Create(l))] },
            SearchParameters.Kind.TextList => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SearchParameters.MaxFilterValueLength },
                MaxItems = SearchParameters.MaxFilterValues,
            },
            SearchParameters.Kind.FilterList => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SearchParameters.MaxFilterLength, Pattern = "^[^<>=]+(=|<|<=|>|>=).+$" },
                MaxItems = SearchParameters.MaxFilters,
            },
            SearchParameters.Kind.Sort => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SearchParameters.MaxFilterLength, Pattern = "^(relevance|[^:]+(:(asc|desc))?)$" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = SearchParameters.MaxQueryLength },
        };
        if (parameter.Minimum is { } min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        if (parameter.Maximum is { } max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        schema.Default = parameter.Default switch
        {
            int i => JsonValue.Create(i),
            bool b => JsonValue.Create(b),
            string s => JsonValue.Create(s),
            _ => null,
        };
        return schema;
    }
}
