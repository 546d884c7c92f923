using ProductSearch;
using ProductSearch.AspNetCore;
namespace Storefront.Api;

/// <summary>The API's error answers, all RFC 7807 problem details (<c>application/problem+json</c>).</summary>
internal static class ApiProblems
{
    /// <summary>400 naming each bad parameter under <c>errors</c>, and in <c>detail</c> for readers that show only that.</summary>
    public static IResult BadRequest(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value),
            detail: string.Join(" ", errors.SelectMany(e => e.Value)),
            title: "Invalid " + string.Join(", ", errors.Keys) + ".");

    public static IResult BadRequest(string parameter, string message) =>
        BadRequest(new Dictionary<string, string[]> { [parameter] = [message] });

    /// <summary>
    /// 400 for the engine's own refusal, under the API's name for the parameter and without the
    /// " (Parameter 'FieldEquals')" .NET appends to the message: that name is the engine's, not the caller's.
    /// </summary>
    public static IResult BadRequest(ArgumentException error) => BadRequest(ParameterName(error.ParamName), WithoutParameterSuffix(error));

    /// <summary>The engine's message without the " (Parameter 'text')" .NET appends to it (<see cref="RefusalText"/>).</summary>
    public static string WithoutParameterSuffix(ArgumentException error) => RefusalText.Of(error);

    /// <summary>
    /// 503 with the reason the index cannot be searched (it could not be opened, or a search found it damaged): the
    /// request was fine, the service is not. The index is named by its folder's name, never by its path.
    /// </summary>
    public static IResult Unavailable(string reason, IProductSearchSource source) =>
        TypedResults.Problem(detail: PublicText.Redact(reason, source), statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search is unavailable.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>The API's name for an engine parameter named in an <see cref="ArgumentException"/>.</summary>
    public static string ParameterName(string? engineName) => engineName switch
    {
        "Query" => "q",
        "K" => "k",
        "Offset" => "offset",
        "Mode" => "mode",
        "MinPrice" => "minPrice",
        "MaxPrice" => "maxPrice",
        "productId" => "id",
        "Conditions" => "filter",   // a filter the index's schema cannot apply: unknown field, wrong type
        "Sort" => "sort",           // a field that is not sortable
        "Categories" => "category",
        null or "" => "request",
        _ => char.ToLowerInvariant(engineName[0]) + engineName[1..],
    };
}
