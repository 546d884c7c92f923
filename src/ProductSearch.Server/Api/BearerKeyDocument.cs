using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProductSearch.Server.Api;

/// <summary>
/// Declares the API key in the OpenAPI document — an HTTP bearer scheme required by every operation (but
/// <c>/health</c> and the document itself, which are not in it) — so generated clients and API explorers send it.
/// </summary>
internal sealed class BearerKeyDocument : IOpenApiDocumentTransformer
{
    private const string SchemeId = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: the admin key (PRODUCTSEARCH_ADMIN_KEY) for writes and keys, a search key (PRODUCTSEARCH_SEARCH_KEYS) or the admin key for reads.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
        return Task.CompletedTask;
    }
}
