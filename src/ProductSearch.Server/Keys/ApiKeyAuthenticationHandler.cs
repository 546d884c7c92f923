using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProductSearch.Server.Keys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the <see cref="ApiKeyRing"/>: the caller gets the
/// key's role. No header or an unknown key: 401; a search key on an admin endpoint: 403. The key never appears in a
/// message or a log line.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.RequiresKeys) return Task.FromResult(Success(ApiKeyRole.Admin, "open"));
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not 'Bearer <key>'."));
        var role = keys.Find(header["Bearer ".Length..].Trim());
        return Task.FromResult(role is { } found ? Success(found, "key") : AuthenticateResult.Fail("The key is not valid."));
    }

    private AuthenticateResult Success(ApiKeyRole role, string how)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, role.ToString()), new Claim("auth", how)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "This endpoint needs an API key: send 'Authorization: Bearer <key>'.";
        await Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(detail: "This key may only search; writes and key management need the admin key.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.")
            .ExecuteAsync(Context);
}
