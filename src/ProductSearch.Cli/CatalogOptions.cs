using System.CommandLine;
using ProductSearch.Catalog;

namespace ProductSearch.Cli;

/// <summary>
/// How to read a catalog file — <c>--format</c>, <c>--map</c>, <c>--locale</c> — the same for every command that reads
/// one (<c>index</c>, <c>upsert</c>).
/// </summary>
internal sealed class CatalogOptions
{
    public Option<string?> Format { get; } = new("--format") { Description = $"Catalog format: {string.Join(", ", CatalogFormats.Names)} (default: from the file's extension)." };

    public Option<string[]> Map { get; } = new("--map")
    {
        Description = $"CSV/TSV columns for product fields, e.g. title=Name,brand=Maker (keys: {string.Join(", ", CatalogColumnMap.Keys)}); unmapped fields use the ESCI column names.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Locale { get; } = new("--locale") { Description = "Read only products of this locale (product_locale): us, es or jp." };

    /// <summary>What the command line asked for; a bad format name or column map is an <see cref="ArgumentException"/>.</summary>
    public CatalogReadOptions Read(ParseResult parse) => new()
    {
        Format = parse.GetValue(Format) is { } name ? CatalogFormats.Parse(name) : null,
        Columns = parse.GetValue(Map) is { Length: > 0 } pairs ? CatalogColumnMap.Parse(string.Join(",", pairs)) : null,
        Locale = parse.GetValue(Locale),
    };
}
