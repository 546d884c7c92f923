using Microsoft.AspNetCore.Http;
using ProductSearch.AspNetCore;
using ProductSearch.Server.Writes;

namespace ProductSearch.Server.Api;

/// <summary>The API's error answers, all RFC 7807 problem details (<c>application/problem+json</c>).</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, detail: message, title: $"Invalid {parameter}.");

    /// <summary>400 for a refused write: the record and field in <c>errors</c>, the whole sentence in <c>detail</c>.</summary>
    public static IResult Refused(WriteRefusal refusal) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Key] = [refusal.Reason] },
            detail: refusal.Message + " Nothing of this request was written.", title: "Invalid product.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "The index is being written.");

    public static IResult TooLarge(long max) =>
        TypedResults.Problem(detail: $"The request body is larger than {max:N0} bytes; send the products in several writes.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large.");

    /// <summary>
    /// 503 with the reason the index cannot be searched or written: the request was fine, the service is not. The
    /// index is named by its folder's name, never by its full path.
    /// </summary>
    public static IResult Unavailable(string reason, string indexPath) =>
        TypedResults.Problem(detail: Redact(reason, indexPath), statusCode: StatusCodes.Status503ServiceUnavailable, title: "The index is unavailable.");

    /// <summary>The engine's own failure during a request: damage is reported to the provider, so /health turns unhealthy.</summary>
    public static IResult Unavailable(SearchEngineProvider provider, ProductSearchException error)
    {
        provider.ReportSearchFailure(error);
        return Unavailable(error.Message, provider.IndexPath);
    }

    /// <summary>The API's name for an engine parameter named in an <see cref="ArgumentException"/>.</summary>
    public static string ParameterName(string? engineName) => engineName switch
    {
        "Query" => "q",
        "productId" => "id",
        "text" => "q",
        "max" => "n",
        "FieldEquals" or "Conditions" => "filter",
        null or "" => "request",
        _ => char.ToLowerInvariant(engineName[0]) + engineName[1..],
    };

    public static string Redact(string text, string indexPath)
    {
        var full = Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar);
        return text.Replace(full, Path.GetFileName(full), StringComparison.Ordinal);
    }

    /// <summary>An engine message without the parameter suffix .NET appends (" (Parameter 'K')", " Actual value was 0."); see <see cref="RefusalText"/>.</summary>
    public static string Message(ArgumentException error) => RefusalText.Of(error);
}
