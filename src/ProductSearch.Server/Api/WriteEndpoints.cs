using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Indexing;
using ProductSearch.Server.Writes;

namespace ProductSearch.Server.Api;

/// <summary>
/// The write endpoints (admin key): each request is one commit, answered with the generation now served; a request
/// with any bad record commits nothing of it.
/// </summary>
internal static class WriteEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/products", UpsertAsync)
            .WithName("UpsertProducts").WithSummary("Adds or replaces products: a JSON array of products, or JSON Lines (one product a line).")
            .WithDescription($"Fields: {string.Join(", ", ProductJson.Fields)}; id and title required. Only products whose title changed are embedded again. One commit.")
            .Accepts<Catalog.Product[]>("application/json", "application/x-ndjson")
            .WithWriteAnswers();

        admin.MapPatch("/products/{id}", PatchAsync)
            .WithName("PatchProduct").WithSummary("Changes some fields of a product (null clears one; attributes merge, an attribute set to null is removed); the title is embedded again only if it changed.")
            .Accepts<JsonElement>("application/json", "application/merge-patch+json")
            .WithWriteAnswers().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapDelete("/products/{id}", DeleteOneAsync)
            .WithName("DeleteProduct").WithSummary("Deletes a product.")
            .WithWriteAnswers().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/products/delete", DeleteManyAsync)
            .WithName("DeleteProducts").WithSummary("Deletes products by id, in one commit: {\"ids\": [\"…\", …]}. Ids the index does not hold are counted as notFound.")
            .Accepts<DeleteBody>("application/json")
            .WithWriteAnswers();
    }

    /// <summary>A batch delete.</summary>
    /// <param name="Ids">The catalog ids to delete.</param>
    internal sealed record DeleteBody(IReadOnlyList<string>? Ids);

    private static RouteHandlerBuilder WithWriteAnswers(this RouteHandlerBuilder builder) => builder.Produces<WriteResult>().WithCommitProblems();

    /// <summary>The problems any commit may answer: a bad request, the index held, a body too large, the index unavailable.</summary>
    internal static RouteHandlerBuilder WithCommitProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> UpsertAsync(HttpRequest request, ProductWrites writes, SearchEngineProvider provider, IOptions<ProductSearchServerOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, cancellationToken);
        if (body is null) return ApiProblems.TooLarge(limits.MaxRequestBodyBytes);
        var (products, refusal) = ProductJson.ReadMany(body, limits.MaxProductsPerWrite);
        if (refusal is not null) return ApiProblems.Refused(refusal);
        return await WriteAsync(provider, async () => await writes.UpsertAsync(products, cancellationToken));
    }

    private static async Task<IResult> PatchAsync(string id, HttpRequest request, ProductWrites writes, SearchEngineProvider provider, IOptions<ProductSearchServerOptions> options,
        CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad) return bad;
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body is null) return ApiProblems.TooLarge(options.Value.MaxRequestBodyBytes);
        JsonDocument patch;
        try { patch = JsonDocument.Parse(body); }
        catch (JsonException) { return ApiProblems.Refused(new WriteRefusal(1, id, "body", "is not valid JSON.")); }
        using (patch)
        {
            if (patch.RootElement.ValueKind == JsonValueKind.Object && patch.RootElement.TryGetProperty("id", out var sent)
                && !(sent.ValueKind == JsonValueKind.String && sent.GetString() == id))
                return ApiProblems.Refused(new WriteRefusal(1, id, "id", "cannot be changed by a PATCH (leave it out, or send the same id)."));
            // Checked against a placeholder first: a malformed patch is refused before it waits for the writer lock.
            if (ProductJson.Apply(new Catalog.Product { Id = id, Title = "-" }, patch.RootElement, 1, id).Refusal is { } early) return ApiProblems.Refused(early);
            var root = patch.RootElement.Clone();
            return await WriteAsync(provider, async () =>
                await writes.PatchAsync(id, current => ProductJson.Apply(current, root, 1, id) switch
                {
                    ({ } changed, null) => changed,
                    (_, var refusal) => throw new WriteRefusalException(refusal!),
                }, cancellationToken), notFound: $"No product has id '{Shorten(id)}'; PUT /products adds one.");
        }
    }

    private static async Task<IResult> DeleteOneAsync(string id, ProductWrites writes, SearchEngineProvider provider, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad) return bad;
        return await WriteAsync(provider, async () =>
        {
            var result = await writes.DeleteAsync([id], cancellationToken);
            return result.NotFound > 0 ? null : result;
        }, notFound: $"No product has id '{Shorten(id)}'.");
    }

    private static async Task<IResult> DeleteManyAsync(HttpRequest request, ProductWrites writes, SearchEngineProvider provider, IOptions<ProductSearchServerOptions> options,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, cancellationToken);
        if (body is null) return ApiProblems.TooLarge(limits.MaxRequestBodyBytes);
        DeleteBody? delete;
        try { delete = JsonSerializer.Deserialize<DeleteBody>(body, DeleteJson); }
        catch (JsonException) { return ApiProblems.BadRequest("ids", "The body must be {\"ids\": [\"…\", …]} with the catalog ids as strings."); }
        var ids = delete?.Ids ?? [];
        if (ids.Count == 0) return ApiProblems.BadRequest("ids", "No ids given: send {\"ids\": [\"…\", …]}.");
        if (ids.Count > limits.MaxProductsPerWrite) return ApiProblems.BadRequest("ids", $"One delete takes at most {limits.MaxProductsPerWrite:N0} ids.");
        for (var i = 0; i < ids.Count; i++)
            if (string.IsNullOrWhiteSpace(ids[i]) || ids[i].Length > SearchEngine.MaxProductIdLength)
                return ApiProblems.Refused(new WriteRefusal(i + 1, null, "id", $"must be 1–{SearchEngine.MaxProductIdLength} characters."));
        return await WriteAsync(provider, async () => await writes.DeleteAsync(ids, cancellationToken));
    }

    private static readonly JsonSerializerOptions DeleteJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// Runs a write and turns its failures into answers: 409 when the index is held, 503 when it cannot be written;
    /// <paramref name="refused"/> may answer an engine refusal of the request itself (a bad schema or rule) first.
    /// </summary>
    internal static async Task<IResult> WriteAsync<T>(SearchEngineProvider provider, Func<Task<T?>> write, string? notFound = null,
        Func<ProductSearchException, IResult?>? refused = null) where T : class
    {
        try
        {
            return await write() is { } result ? TypedResults.Ok(result) : ApiProblems.NotFound(notFound ?? "Not found.");
        }
        catch (ProductSearchException ex) when (refused?.Invoke(ex) is { } answer)
        {
            return answer;
        }
        catch (WriteRefusalException ex)
        {
            return ApiProblems.Refused(ex.Refusal);
        }
        catch (WriteConflictException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
        catch (IndexLockedException ex)
        {
            return ApiProblems.Conflict(ApiProblems.Redact(ex.Message, provider.IndexPath));
        }
        catch (SearchEngineUnavailableException ex)
        {
            return ApiProblems.Unavailable(ex.Message, provider.IndexPath);
        }
        catch (ProductSearchException ex)
        {
            return ApiProblems.Unavailable(ex.Message, provider.IndexPath);
        }
    }

    private static IResult? BadId(string id) => string.IsNullOrWhiteSpace(id) || id.Length > SearchEngine.MaxProductIdLength
        ? ApiProblems.Refused(new WriteRefusal(1, null, "id", $"must be 1–{SearchEngine.MaxProductIdLength} characters."))
        : null;

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
