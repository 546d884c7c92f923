namespace ProductSearch;

/// <summary>
/// Orders results by a sortable field of the index's schema (<see cref="SearchRequest.Sort"/>), relevance breaking
/// ties, then the product key (so equal products keep one order across pages). Products without a value come last,
/// either way. What is sorted is the whole result set: see <see cref="SearchRequest.Sort"/>.
/// </summary>
/// <param name="Field">The field (a number field declared sortable: price, rating, rating_count, custom numbers).</param>
/// <param name="Descending">Highest first.</param>
public sealed record SearchSort(string Field, bool Descending = false)
{
    /// <summary>Reads <c>FIELD</c>, <c>FIELD:asc</c> or <c>FIELD:desc</c> (<c>price:desc</c>).</summary>
    /// <exception cref="ArgumentException">No field, or a direction other than asc or desc.</exception>
    public static SearchSort Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0) throw new ArgumentException($"Sort '{text}' names no field; write FIELD:asc or FIELD:desc.", nameof(text));
        var direction = parts.Length == 2 ? parts[1].ToLowerInvariant() : "asc";
        return direction switch
        {
            "asc" => new SearchSort(parts[0]),
            "desc" => new SearchSort(parts[0], Descending: true),
            _ => throw new ArgumentException($"Sort '{text}': the direction is '{parts[1]}'; write asc or desc.", nameof(text)),
        };
    }

    /// <summary>The sort as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Field + (Descending ? ":desc" : ":asc");
}
