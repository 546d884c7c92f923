using System.Globalization;
using Microsoft.Extensions.Primitives;
using ProductSearch;
using ProductSearch.Lexical;

namespace Storefront.Api;

/// <summary>
/// Turns the query string of <c>GET /api/search</c> into a <see cref="SearchRequest"/>, collecting every problem under
/// the parameter's name. Parsed by hand rather than by minimal-API binding so that a malformed number answers with a
/// problem naming the parameter instead of a bare 400.
/// </summary>
internal sealed class SearchQueryParser(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Whether the search asked for facets (<c>facets</c>, default true); which ones the index's schema says.</summary>
    public bool WantsFacets { get; private set; }

    /// <summary>Parses a search; check <see cref="IsValid"/> before using the result.</summary>
    public SearchRequest ParseSearch()
    {
        var text = ParseQueryText();
        var k = ParseInteger(SearchParameters.K, SearchParameters.DefaultK);
        var offset = ParseInteger(SearchParameters.Offset, 0);
        var mode = ParseMode();
        var brands = ParseList(SearchParameters.Brand);
        var colors = ParseList(SearchParameters.Color);
        var minPrice = ParsePrice(SearchParameters.MinPrice);
        var maxPrice = ParsePrice(SearchParameters.MaxPrice);
        if (minPrice > maxPrice)
            Fail(SearchParameters.MinPrice.Name, $"minPrice ({minPrice}) is above maxPrice ({maxPrice}).");
        var categories = ParseList(SearchParameters.Category);
        var conditions = ParseFilters();
        var sort = ParseSort();
        var facets = ParseBoolean(SearchParameters.Facets, whenAbsent: true);
        var explain = ParseBoolean(SearchParameters.Explain);
        var typos = ParseBoolean(SearchParameters.Typos, whenAbsent: true);
        var locale = ParseLocale();

        WantsFacets = facets;
        var filters = new SearchFilters { Brands = brands, Colors = colors, Categories = categories, MinPrice = minPrice, MaxPrice = maxPrice, Conditions = conditions };
        return new SearchRequest
        {
            Query = text,
            K = k,
            Offset = offset,
            Mode = mode,
            Filters = brands is null && colors is null && categories is null && minPrice is null && maxPrice is null && conditions is null ? null : filters,
            Sort = sort,
            Explain = explain,
            TypoTolerance = typos,
            Locale = locale,
        };
    }

    private string ParseQueryText()
    {
        var value = Single(SearchParameters.Q);
        if (value is null) Fail("q", "q is required: give some words to search for.");
        else if (string.IsNullOrWhiteSpace(value)) Fail("q", "q is empty: give some words to search for.");
        else if (value.Length > SearchParameters.MaxQueryLength) Fail("q", $"q is {value.Length} characters long; at most {SearchParameters.MaxQueryLength} are accepted.");
        return value ?? string.Empty;
    }

    private int ParseInteger(SearchParameters.Parameter parameter, int fallback)
    {
        var value = Single(parameter);
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Fail(parameter.Name, $"{parameter.Name} must be a whole number, got '{Cut(value)}'.");
            return fallback;
        }
        if (number < parameter.Minimum || number > parameter.Maximum)
            Fail(parameter.Name, $"{parameter.Name} must be between {parameter.Minimum} and {parameter.Maximum}, got {number}.");
        return number;
    }

    private SearchMode ParseMode()
    {
        var value = Single(SearchParameters.Mode);
        if (value is null) return SearchMode.Hybrid;
        if (SearchParameters.Modes.TryGetValue(value.Trim(), out var mode)) return mode;
        Fail("mode", $"mode must be hybrid, keyword or semantic, got '{Cut(value)}'.");
        return SearchMode.Hybrid;
    }

    /// <summary>The locale named (as the engine names it: us, es, jp), or <c>null</c> for the catalog's main one.</summary>
    private string? ParseLocale()
    {
        var value = Single(SearchParameters.Locale);
        if (value is null) return null;
        if (CatalogLocale.Find(value) is { } locale) return locale;
        Fail(SearchParameters.Locale.Name, $"locale must be one of {string.Join(", ", CatalogLocale.Known)}, got '{Cut(value)}'.");
        return null;
    }

    /// <summary>
    /// The repeatable <c>filter</c> conditions, read by the engine's own parser (<see cref="SearchFilter.Parse"/>); whether
    /// their fields exist and their values suit the fields' types the engine checks against the schema it searches.
    /// </summary>
    private IReadOnlyList<SearchFilter>? ParseFilters()
    {
        var name = SearchParameters.Filter.Name;
        if (!query.TryGetValue(name, out var values)) return null;
        var texts = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (texts.Length > SearchParameters.MaxFilters)
        {
            Fail(name, $"{name} is given {texts.Length} times; at most {SearchParameters.MaxFilters} conditions are accepted.");
            return null;
        }
        var conditions = new List<SearchFilter>();
        foreach (var text in texts)
        {
            if (text.Length > SearchParameters.MaxFilterLength)
            {
                Fail(name, $"A {name} is {text.Length} characters long; at most {SearchParameters.MaxFilterLength} are accepted.");
                continue;
            }
            try { conditions.Add(SearchFilter.Parse(text)); }
            catch (ArgumentException ex) { Fail(name, ApiProblems.WithoutParameterSuffix(ex)); }
        }
        return conditions.Count == 0 ? null : conditions;
    }

    /// <summary><c>relevance</c> (or nothing): <c>null</c>; otherwise <c>FIELD:asc|desc</c>, read by <see cref="SearchSort.Parse"/>.</summary>
    private SearchSort? ParseSort()
    {
        var value = Single(SearchParameters.Sort)?.Trim();
        if (value is null || value.Equals("relevance", StringComparison.OrdinalIgnoreCase)) return null;
        if (value.Length > SearchParameters.MaxFilterLength)
        {
            Fail(SearchParameters.Sort.Name, $"sort is {value.Length} characters long; at most {SearchParameters.MaxFilterLength} are accepted.");
            return null;
        }
        try { return SearchSort.Parse(value); }
        catch (ArgumentException ex)
        {
            Fail(SearchParameters.Sort.Name, ApiProblems.WithoutParameterSuffix(ex));
            return null;
        }
    }

    private decimal? ParsePrice(SearchParameters.Parameter parameter)
    {
        var value = Single(parameter);
        if (value is null) return null;
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            Fail(parameter.Name, $"{parameter.Name} must be a non-negative number such as 19.99, got '{Cut(value)}'.");
            return null;
        }
        return price;
    }

    private bool ParseBoolean(SearchParameters.Parameter parameter, bool whenAbsent = false)
    {
        var value = Single(parameter);
        switch (value?.Trim().ToLowerInvariant())
        {
            case null: return whenAbsent;
            case "false" or "0": return false;
            case "" or "true" or "1": return true; // a bare ?explain asks for it
            default:
                Fail(parameter.Name, $"{parameter.Name} must be true or false, got '{Cut(value!)}'.");
                return false;
        }
    }

    private IReadOnlyList<string>? ParseList(SearchParameters.Parameter parameter)
    {
        if (!query.TryGetValue(parameter.Name, out var values)) return null;
        var kept = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (kept.Length > SearchParameters.MaxFilterValues)
            Fail(parameter.Name, $"{parameter.Name} is given {kept.Length} times; at most {SearchParameters.MaxFilterValues} values are accepted.");
        if (kept.FirstOrDefault(v => v.Length > SearchParameters.MaxFilterValueLength) is { } tooLong)
            Fail(parameter.Name, $"A {parameter.Name} value is {tooLong.Length} characters long; at most {SearchParameters.MaxFilterValueLength} are accepted.");
        return kept.Length == 0 ? null : kept;
    }

    /// <summary>The one value of a single-valued parameter; given twice it is an error, as the intent is unclear.</summary>
    private string? Single(SearchParameters.Parameter parameter)
    {
        if (!query.TryGetValue(parameter.Name, out StringValues values) || values.Count == 0) return null;
        if (values.Count > 1) Fail(parameter.Name, $"{parameter.Name} is given {values.Count} times; give it once.");
        return values[0] ?? string.Empty;
    }

    /// <summary>Records a problem with <paramref name="name"/> (a parameter or header) found outside the query string.</summary>
    public void Fail(string name, string message)
    {
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    // Echo at most a little of a bad value: the problem document should not grow with the attacker's input.
    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
