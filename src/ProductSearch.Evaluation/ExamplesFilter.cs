namespace ProductSearch.Evaluation;

/// <summary>
/// Which rows of an ESCI examples file to keep, by the official columns <c>product_locale</c>, <c>split</c> and
/// <c>small_version</c>. A filter left <c>null</c> keeps every row.
/// </summary>
public sealed record ExamplesFilter
{
    /// <summary>Keep only this locale (<c>us</c>, <c>es</c>, <c>jp</c>); ignored when the file has no locale column.</summary>
    public string? Locale { get; init; }

    /// <summary>Keep only this split (<c>train</c> or <c>test</c>); the file must have a <c>split</c> column.</summary>
    public string? Split { get; init; }

    /// <summary>Keep only the reduced ("small") version's rows, <c>small_version = 1</c>; the file must have that column.</summary>
    public bool SmallVersionOnly { get; init; }

    /// <summary>Keeps every row.</summary>
    public static ExamplesFilter None { get; } = new();

    /// <summary>Says in words what is kept, for reports ("all rows" when nothing is filtered).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Locale is not null) parts.Add($"locale {Locale}");
        if (Split is not null) parts.Add($"split {Split}");
        if (SmallVersionOnly) parts.Add("small version");
        return parts.Count == 0 ? "all rows" : string.Join(", ", parts);
    }

    internal bool Keeps(string? locale, string? split, string? smallVersion) =>
        (Locale is null || locale is null || string.Equals(locale.Trim(), Locale, StringComparison.OrdinalIgnoreCase))
        && (Split is null || string.Equals(split?.Trim(), Split, StringComparison.OrdinalIgnoreCase))
        && (!SmallVersionOnly || smallVersion?.Trim() is "1" or "true" or "True" or "TRUE");
}
