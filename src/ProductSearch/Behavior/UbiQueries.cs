using System.Globalization;

namespace ProductSearch.Behavior;

/// <summary>Builds the UBI record of a search the engine answered, for apps that log their searches.</summary>
public static class UbiQueries
{
    /// <summary>The <c>object_id_field</c> of this engine's hits: the catalog's product id.</summary>
    public const string ProductIdField = "product_id";

    /// <summary>
    /// The <c>query_attributes</c> key of the corrected query the engine searched instead ("did you mean"), present only
    /// when it corrected one: such a text was misspelt, and readers of the log (past-query suggestions) leave it out.
    /// </summary>
    public const string DidYouMeanAttribute = "did_you_mean";

    /// <summary>
    /// The record of <paramref name="request"/> answered by <paramref name="response"/>: the query text, the hit ids in
    /// order, and as <c>query_attributes</c> the mode, <c>k</c>, <c>offset</c>, any filters (lists joined by <c>|</c>) and the
    /// corrected query when the engine searched one (<see cref="DidYouMeanAttribute"/>).
    /// Set <see cref="UbiQuery.ClientId"/> and <see cref="UbiQuery.Application"/> with <c>with</c>.
    /// </summary>
    public static UbiQuery FromSearch(string queryId, SearchRequest request, SearchResponse response, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mode"] = response.Mode.ToString().ToLowerInvariant(),
            ["k"] = request.K.ToString(CultureInfo.InvariantCulture),
            ["offset"] = request.Offset.ToString(CultureInfo.InvariantCulture),
        };
        if (response.DidYouMean is { } corrected) attributes[DidYouMeanAttribute] = corrected;
        if (request.Filters is { } filters)
        {
            AddList(attributes, "brand", filters.Brands);
            AddList(attributes, "color", filters.Colors);
            AddList(attributes, "category", filters.Categories);
            if (filters.Locale is { } locale) attributes["locale"] = locale;
            if (filters.MinPrice is { } min) attributes["min_price"] = min.ToString(CultureInfo.InvariantCulture);
            if (filters.MaxPrice is { } max) attributes["max_price"] = max.ToString(CultureInfo.InvariantCulture);
            foreach (var (field, value) in filters.FieldEquals ?? new Dictionary<string, string>()) attributes["filter." + field] = value;
        }
        return new UbiQuery
        {
            QueryId = queryId,
            UserQuery = request.Query,
            Timestamp = timestamp,
            QueryResponseHitIds = response.Hits.Select(h => h.Product.Id).ToArray(),
            ObjectIdField = ProductIdField,
            QueryAttributes = attributes,
        };
    }

    /// <summary>The 1-based position of the first hit of <paramref name="query"/>: its <c>offset</c> attribute plus one (1 without it).</summary>
    public static int FirstPosition(UbiQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.QueryAttributes is { } attributes && attributes.TryGetValue("offset", out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset + 1 : 1;
    }

    private static void AddList(Dictionary<string, string> attributes, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 }) attributes[name] = string.Join('|', values);
    }
}
