using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProductSearch.Server.Keys;

namespace ProductSearch.Server.Api;

/// <summary>Key management (admin key): list keys, make a search key (shown once), revoke one made here.</summary>
internal static class KeyEndpoints
{
    /// <summary>A key as listed: never the key, nor its hash.</summary>
    /// <param name="Id">The key's id.</param>
    /// <param name="Role">admin or search.</param>
    /// <param name="Source">configured (environment, key file) or api (made through POST /keys; revocable).</param>
    /// <param name="CreatedAt">When it was made, for keys made here.</param>
    internal sealed record KeyInfo(string Id, string Role, string Source, DateTimeOffset? CreatedAt);

    /// <summary>A new key: the only time the key itself is shown.</summary>
    /// <param name="Id">The key's id (to revoke it).</param>
    /// <param name="Key">The key, for <c>Authorization: Bearer …</c>.</param>
    internal sealed record NewKey(string Id, string Key);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/keys", (ApiKeyRing keys) => TypedResults.Ok(keys.List().Select(Info).ToArray()))
            .WithName("ListKeys").WithSummary("The keys the service accepts (ids and roles; never the keys).");

        admin.MapPost("/keys", (ApiKeyRing keys, TimeProvider time) =>
            {
                if (!keys.RequiresKeys) return ApiProblems.Conflict("The service runs without keys (loopback only); configure an admin key to manage keys.");
                var (entry, key) = keys.CreateSearchKey(time);
                return TypedResults.Created($"/keys/{entry.Id}", new NewKey(entry.Id, key));
            })
            .WithName("CreateSearchKey").WithSummary("Makes a search key; the answer is the only time the key is shown (the service keeps its SHA-256).")
            .Produces<NewKey>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapDelete("/keys/{id}", (string id, ApiKeyRing keys) =>
                keys.Revoke(id) ? Results.NoContent() : ApiProblems.NotFound($"No key made through the API has id '{(id.Length <= 40 ? id : id[..40])}'."))
            .WithName("RevokeKey").WithSummary("Revokes a search key made through POST /keys.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static KeyInfo Info(ApiKeyEntry key) =>
        new(key.Id, key.Role.ToString().ToLowerInvariant(), key.Managed ? "api" : "configured", key.CreatedAt);
}
