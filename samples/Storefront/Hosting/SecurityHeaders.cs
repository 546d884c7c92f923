namespace Storefront.Hosting;

/// <summary>
/// Headers that keep the page to its own scripts and styles: the page renders catalog text, and a content security
/// policy without inline script makes a title holding markup harmless even if a rendering bug let it through.
/// Product images may come from any https host, as catalogs link them.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; " +
                                  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
