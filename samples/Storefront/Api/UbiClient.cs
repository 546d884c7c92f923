namespace Storefront.Api;

/// <summary>
/// Who is searching, for the behaviour log: the page keeps a random client id in the browser's storage and sends it
/// with every search as the <c>X-Ubi-Client-Id</c> header (UBI's <c>client_id</c>). Optional; a bad one is refused.
/// </summary>
internal static class UbiClient
{
    public const string ClientIdHeader = "X-Ubi-Client-Id";

    /// <summary>The header's value, or <c>null</c> when absent; a value the UBI schema would refuse is reported to <paramref name="parser"/>.</summary>
    public static string? ParseClientId(IHeaderDictionary headers, SearchQueryParser parser)
    {
        if (!headers.TryGetValue(ClientIdHeader, out var values) || values.Count == 0) return null;
        var value = values.Count == 1 ? values[0] : null;
        if (value is null || value.Length is 0 or > ProductSearch.Behavior.UbiJsonParser.MaxNameLength || value.Any(char.IsControl))
        {
            parser.Fail(ClientIdHeader, $"{ClientIdHeader} must be given once, 1–{ProductSearch.Behavior.UbiJsonParser.MaxNameLength} printable characters.");
            return null;
        }
        return value;
    }
}
