namespace Storefront.Api;

/// <summary>
/// The API takes its input from the address alone; a request that carries a body (a GET with content, a smuggling
/// attempt) is refused before any work is done, rather than left unread.
/// </summary>
internal sealed class RequestBodyRefusal : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        // Over HTTP/1.1 (what the app serves on plain http) a body needs one of these two headers.
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        return hasBody
            ? ValueTask.FromResult<object?>(ApiProblems.BadRequest("body", "This endpoint takes no request body; put the parameters in the query string."))
            : next(context);
    }
}
