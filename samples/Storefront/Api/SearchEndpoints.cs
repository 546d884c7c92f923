using ProductSearch;
using ProductSearch.AspNetCore;
using ProductSearch.Behavior;
using Storefront.Hosting;

namespace Storefront.Api;

/// <summary>The storefront's JSON API: search (with its facets), suggestions, departments, and a product by id.</summary>
internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapStorefrontApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<RequestBodyRefusal>();

        api.MapGet("/search", SearchAsync)
            .WithName("Search").WithSummary("Searches the catalog.")
            .WithDescription("Hybrid (BM25 + embeddings, fused), keyword or semantic search, with filters on any filterable field, a sort, " +
                             "the total of the result set, its facets (disjunctive, over the whole result set) and pagination.")
            .AddOpenApiOperationTransformer(OpenApiQueryParameters.For(SearchParameters.Search))
            .Produces<SearchResults.SearchAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/suggest", SuggestAsync)
            .WithName("Suggest").WithSummary("Completes what the shopper is typing from past shoppers' queries and the catalog's titles and brands.")
            .WithDescription("q: the text typed so far (its last word is being typed), at most 200 characters; n: how many, 1–20 (default 6). " +
                             "Each suggestion's kind: pastquery (searched before by shoppers and found something), query (completed from the catalog's words) or brand.")
            .Produces<IReadOnlyList<SearchResults.SuggestionAnswer>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/departments", DepartmentsAsync)
            .WithName("Departments").WithSummary($"The catalog's top-level categories, most products first (at most {MaxDepartments}).")
            .Produces<IReadOnlyList<SearchResults.DepartmentAnswer>>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/products/{id}", ProductAsync)
            .WithName("Product").WithSummary("A product by its catalog id.")
            .Produces<SearchResults.ProductDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest http, IProductSearchSource source, BehaviorLogWriter log, CancellationToken cancellationToken)
    {
        var parser = new SearchQueryParser(http.Query);
        var request = parser.ParseSearch();
        var clientId = UbiClient.ParseClientId(http.Headers, parser);
        if (!parser.IsValid) return ApiProblems.BadRequest(parser.Errors);
        if (!source.TryGetSearch(out var search, out var reason)) return ApiProblems.Unavailable(reason, source);
        try
        {
            var facetFields = parser.WantsFacets ? StoreFacets.Of(await search.GetSchemaAsync(cancellationToken)) : [];
            var response = await search.SearchAsync(request with { Facets = facetFields.Count > 0 ? StoreFacets.Requests(facetFields) : null }, cancellationToken);
            // One UBI query id per answer: the page sends it back with every impression and click on these hits.
            var queryId = Guid.NewGuid().ToString();
            var now = (http.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            log.TryWrite(UbiQueries.FromSearch(queryId, request, response, now) with { ClientId = clientId, Application = StorefrontBehaviorLog.Application });
            return TypedResults.Ok(SearchResults.From(queryId, request, response, StoreFacets.Answer(facetFields, response.Facets)));
        }
        catch (ArgumentException ex) // the engine's own checks, should the API's ever be looser
        {
            return ApiProblems.BadRequest(ex);
        }
        catch (ProductSearchException ex)
        {
            return Unavailable(source, ex);
        }
    }

    private static async Task<IResult> SuggestAsync(string? q, int? n, IProductSearchSource source, CancellationToken cancellationToken)
    {
        var text = q ?? "";
        if (text.Length > SearchEngine.MaxSuggestionPrefixLength)
            return ApiProblems.BadRequest("q", $"q must be at most {SearchEngine.MaxSuggestionPrefixLength} characters.");
        if (n is < 1 or > 20) return ApiProblems.BadRequest("n", "n must be between 1 and 20.");
        if (!source.TryGetSearch(out var search, out var reason)) return ApiProblems.Unavailable(reason, source);
        try
        {
            var suggestions = await search.SuggestAsync(text, n ?? 6, cancellationToken);
            return TypedResults.Ok(suggestions.Select(s => new SearchResults.SuggestionAnswer(s.Text, s.Kind.ToString().ToLowerInvariant(), s.Products, s.Searches)).ToArray());
        }
        catch (ProductSearchException ex)
        {
            return Unavailable(source, ex);
        }
    }

    /// <summary>How many departments the page's bar shows.</summary>
    private const int MaxDepartments = 10;

    private static async Task<IResult> DepartmentsAsync(IProductSearchSource source, CancellationToken cancellationToken)
    {
        if (!source.TryGetSearch(out var search, out var reason)) return ApiProblems.Unavailable(reason, source);
        try
        {
            var departments = await search.GetTopLevelCategoriesAsync(cancellationToken);
            return TypedResults.Ok(departments.Take(MaxDepartments).Select(c => new SearchResults.DepartmentAnswer(c.Category, c.Products)).ToArray());
        }
        catch (ProductSearchException ex)
        {
            return Unavailable(source, ex);
        }
    }

    private static async Task<IResult> ProductAsync(string id, IProductSearchSource source, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > SearchEngine.MaxProductIdLength)
            return ApiProblems.BadRequest("id", $"id must be 1–{SearchEngine.MaxProductIdLength} characters.");
        if (!source.TryGetSearch(out var search, out var reason)) return ApiProblems.Unavailable(reason, source);
        try
        {
            return await search.GetProductAsync(id, cancellationToken) is { } product
                ? TypedResults.Ok(SearchResults.Detail(product))
                : ApiProblems.NotFound($"No product has id '{(id.Length <= 40 ? id : id[..40] + "…")}'.");
        }
        catch (ProductSearchException ex)
        {
            return Unavailable(source, ex);
        }
    }

    /// <summary>
    /// The engine's own error during a request — a damaged store found while reading it, a failing model, a shard of a
    /// cluster that cannot answer — is the service's failure, not the client's: 503 with the reason (never 400, never
    /// 500), and damage is reported to the source so that <c>/health</c> turns unhealthy.
    /// </summary>
    private static IResult Unavailable(IProductSearchSource source, ProductSearchException error)
    {
        source.ReportSearchFailure(error);
        return ApiProblems.Unavailable(error.Message, source);
    }
}
