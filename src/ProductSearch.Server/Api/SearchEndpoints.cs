using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Server.Metrics;

namespace ProductSearch.Server.Api;

/// <summary>The read endpoints: search, suggest, a product by id. Any valid key may call them.</summary>
internal static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", (HttpContext http, [Microsoft.AspNetCore.Http.AsParameters] SearchParameters parameters, CancellationToken cancellationToken) =>
                SearchAsync(http, parameters.ToBody(), FacetParameter.Query, cancellationToken))
            .WithName("Search").WithSummary("Searches the catalog (parameters in the address).")
            .WithDescription("q, k (1–1000), offset, mode (hybrid, bm25, dense, ranked-hybrid), brand, color, category (each repeatable), locale, minPrice, maxPrice, " +
                             "filter (repeatable, all must hold: FIELD=VALUE, FIELD=A,B, FIELD<N, FIELD<=N, FIELD>N, FIELD>=N on a filterable field of the index's schema), " +
                             "sort (FIELD:asc or FIELD:desc on a sortable field), facet (repeatable: a facetable field to count), explain (true: the merchandising rules applied).")
            .Produces<SearchAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/search", SearchFromBodyAsync)
            .WithName("SearchWithBody").WithSummary("Searches the catalog (the search as a JSON body).")
            .Accepts<SearchBody>("application/json")
            .Produces<SearchAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/suggest", SuggestAsync)
            .WithName("Suggest").WithSummary("Completes what the shopper is typing: past queries, catalog words, brands.")
            .WithDescription($"q: the text typed so far, at most {SearchEngine.MaxSuggestionPrefixLength} characters; n: how many, 1–20 (default 5).")
            .Produces<SuggestionAnswer[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/products/{id}", ProductAsync)
            .WithName("GetProduct").WithSummary("A product by its catalog id.")
            .Produces<Catalog.Product>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static async Task<IResult> SearchFromBodyAsync(HttpContext http, IOptions<ProductSearchServerOptions> options, CancellationToken cancellationToken)
    {
        var bytes = await RequestBody.ReadAsync(http.Request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (bytes is null) return ApiProblems.TooLarge(options.Value.MaxRequestBodyBytes);
        SearchBody? body;
        try { body = JsonSerializer.Deserialize<SearchBody>(bytes, StrictJson); }
        catch (JsonException ex)
        {
            // The serializer's own message names .NET types: say which field, in the API's terms.
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a field of a search" : "has a value of the wrong type, or the JSON is malformed";
            return ApiProblems.BadRequest(field, $"'{field}' {what}.");
        }
        return body is null ? ApiProblems.BadRequest("body", "The body is empty: send a search as a JSON object.") : await SearchAsync(http, body, FacetParameter.Body, cancellationToken);
    }

    /// <summary>What the facets are called where they were sent: <c>facet</c> (repeated in the address) or <c>facets</c> (a body's list).</summary>
    private enum FacetParameter { Query, Body }

    private static async Task<IResult> SearchAsync(HttpContext http, SearchBody body, FacetParameter facetParameter, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var provider = services.GetRequiredService<SearchEngineProvider>();
        var limits = services.GetRequiredService<IOptions<ProductSearchServerOptions>>().Value;
        if (string.IsNullOrWhiteSpace(body.Query)) return ApiProblems.BadRequest("q", "The query is empty: give some words to search for.");
        if (body.Query.Length > limits.MaxQueryLength) return ApiProblems.BadRequest("q", $"The query has {body.Query.Length:N0} characters; at most {limits.MaxQueryLength:N0}.");
        var mode = SearchMode.Hybrid;
        if (body.Mode is not null && !SearchModes.TryParse(body.Mode, out mode))
            return ApiProblems.BadRequest("mode", $"Unknown mode '{body.Mode}'; use hybrid, bm25, dense or ranked-hybrid.");
        var facetName = facetParameter == FacetParameter.Query ? "facet" : "facets";
        SearchFilter[]? conditions;
        SearchSort? sort;
        try { conditions = body.Filter is { Count: > 0 } filter ? filter.Select(SearchFilter.Parse).ToArray() : null; }
        catch (ArgumentException ex) { return ApiProblems.BadRequest("filter", ApiProblems.Message(ex)); }
        try { sort = string.IsNullOrWhiteSpace(body.Sort) ? null : SearchSort.Parse(body.Sort); }
        catch (ArgumentException ex) { return ApiProblems.BadRequest("sort", ApiProblems.Message(ex)); }
        if (body.Facets?.Any(f => string.IsNullOrWhiteSpace(f?.Field)) == true)
            return ApiProblems.BadRequest(facetName, "A facet names no field.");
        var filters = (body.Filters?.ToFilters() ?? new SearchFilters()) with { Conditions = conditions };
        var explain = body.Explain ?? false;
        var request = new SearchRequest
        {
            Query = body.Query,
            K = body.K ?? 10,
            Offset = body.Offset ?? 0,
            Mode = mode,
            Filters = filters.IsEmpty ? null : filters,
            Locale = string.IsNullOrWhiteSpace(body.Locale) ? null : body.Locale,
            TypoTolerance = body.TypoTolerance ?? true,
            Sort = sort,
            Facets = body.Facets is { Count: > 0 } facets ? facets.Select(f => f.ToRequest()).ToArray() : null,
            Explain = explain,
        };
        return await ReadAsync(provider, async engine =>
        {
            var response = await engine.SearchAsync(request, cancellationToken);
            services.GetRequiredService<ServerMetrics>().Searched(response);
            var hits = response.Hits.Select(h => new HitAnswer(h.Rank, h.Product.Id, h.Score, h.Highlight, h.Product,
                explain ? h.Merchandising.Select(n => new MerchandisingAnswer(n.Rule.Number, n.Rule.Name, n.Action.ToString().ToLowerInvariant(), n.Detail)).ToArray() : null)).ToArray();
            return TypedResults.Ok(new SearchAnswer(engine.Manifest.Generation, response.Mode.Name(), hits, response.FilterMatches, response.DidYouMean,
                response.FromCache, Math.Round(response.Elapsed.TotalMilliseconds, 3), response.TotalHits, response.TotalHitsIsLowerBound, request.Sort?.ToString(),
                response.Facets.ToDictionary(f => f.Key, f => f.Value.Select(FacetAnswer.From).ToArray()),
                explain ? response.MatchedRules.Select(r => new RuleAnswer(r.Number, r.Name)).ToArray() : null,
                explain ? response.Hidden.Select(h => new HiddenAnswer(h.ProductId, h.Rule.Number)).ToArray() : null));
        }, name => name == "Facets" ? facetName : ApiProblems.ParameterName(name));
    }

    // The engine checks the text's length, n's range and the id itself: its ArgumentException becomes the 400.
    private static Task<IResult> SuggestAsync(string? q, int? n, SearchEngineProvider provider, CancellationToken cancellationToken) =>
        ReadAsync(provider, async engine =>
        {
            var suggestions = await engine.SuggestAsync(q ?? "", n ?? 5, cancellationToken);
            return TypedResults.Ok(suggestions.Select(s => new SuggestionAnswer(s.Text, s.Kind.ToString().ToLowerInvariant(), s.Products, s.Searches)).ToArray());
        });

    private static Task<IResult> ProductAsync(string id, SearchEngineProvider provider, CancellationToken cancellationToken) =>
        ReadAsync(provider, async engine => await engine.GetProductAsync(id, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : ApiProblems.NotFound($"No product has id '{(id.Length <= 40 ? id : id[..40] + "…")}'."));

    /// <summary>
    /// Runs a read on the engine: 503 when it is not open or fails (damage is reported, so /health turns unhealthy),
    /// 400 naming the parameter when the engine refuses one.
    /// </summary>
    private static async Task<IResult> ReadAsync(SearchEngineProvider provider, Func<SearchEngine, Task<IResult>> read, Func<string?, string>? parameterName = null)
    {
        if (!provider.TryGetEngine(out var engine, out var reason)) return ApiProblems.Unavailable(reason, provider.IndexPath);
        try
        {
            return await read(engine);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.BadRequest((parameterName ?? ApiProblems.ParameterName)(ex.ParamName), ApiProblems.Message(ex));
        }
        catch (ProductSearchException ex)
        {
            return ApiProblems.Unavailable(provider, ex);
        }
    }
}
