using System.Globalization;
using ProductSearch.Lexical;

namespace ProductSearch;

/// <summary>
/// Conditions every result must meet. They are applied inside both retrievers — a Lucene filter for BM25 and
/// USearch's filtered graph search for HNSW — never by dropping results after the top k, so a filter that few
/// products pass still fills the page when enough of them exist. Text comparisons ignore case.
/// </summary>
public sealed record SearchFilters
{
    /// <summary>The brand is one of these.</summary>
    public IReadOnlyList<string>? Brands { get; init; }

    /// <summary>The color is one of these.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>Some level of the category path is one of these.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The locale (us, es, jp).</summary>
    public string? Locale { get; init; }

    /// <summary>Lowest price, inclusive.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Highest price, inclusive.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>
    /// Equality on any filterable stored field by name: brand, color, locale, category, product_id, price, rating,
    /// rating_count (ESCI's <c>product_</c> prefix is accepted too).
    /// </summary>
    public IReadOnlyDictionary<string, string>? FieldEquals { get; init; }

    /// <summary>
    /// Typed conditions on any filterable field of the index's schema, built-in or custom (<see cref="SearchFilter"/>:
    /// <c>rating&gt;=4</c>, <c>size=M,L</c>), all of which must hold. Checked against the schema of the commit searched.
    /// </summary>
    public IReadOnlyList<SearchFilter>? Conditions { get; init; }

    /// <summary>Whether no condition is set.</summary>
    public bool IsEmpty => ToClauses().Count == 0 && Conditions is not { Count: > 0 };

    /// <summary>
    /// Every condition as filter clauses — the properties above and <see cref="Conditions"/>, checked against
    /// <paramref name="schema"/>. Throws <see cref="ArgumentException"/> naming the field when it is unknown or not
    /// filterable, and naming field and type when a value or operator does not suit its type.
    /// </summary>
    public IReadOnlyList<FilterClause> ToClauses(Indexing.IndexSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var clauses = ToClauses();
        if (Conditions is not { Count: > 0 } conditions) return clauses;
        return [.. clauses, .. conditions.Select(c => Search.FilterResolution.Resolve(c, schema))];
    }

    /// <summary>
    /// The conditions set by the properties above (not <see cref="Conditions"/>, which need the index's schema:
    /// <see cref="ToClauses(Indexing.IndexSchema)"/>) as filter clauses; throws <see cref="ArgumentException"/> naming the parameter when a field is
    /// unknown, a value has the wrong type, or the price range is empty.
    /// </summary>
    public IReadOnlyList<FilterClause> ToClauses()
    {
        if (MinPrice is < 0) throw new ArgumentOutOfRangeException(nameof(MinPrice), MinPrice, "The minimum price must not be negative.");
        if (MaxPrice is < 0) throw new ArgumentOutOfRangeException(nameof(MaxPrice), MaxPrice, "The maximum price must not be negative.");
        if (MinPrice > MaxPrice) throw new ArgumentException($"The minimum price ({MinPrice}) is above the maximum price ({MaxPrice}).", nameof(MinPrice));

        var clauses = new List<FilterClause>();
        AddText(clauses, FilterField.Brand, Brands);
        AddText(clauses, FilterField.Color, Colors);
        AddText(clauses, FilterField.Category, Categories);
        if (!string.IsNullOrWhiteSpace(Locale)) AddText(clauses, FilterField.Locale, [Locale]);
        if (MinPrice is not null || MaxPrice is not null) clauses.Add(new RangeClause(FilterField.Price, (double?)MinPrice, (double?)MaxPrice));
        foreach (var (name, value) in FieldEquals ?? new Dictionary<string, string>())
        {
            var field = FilterField.Find(name) ?? throw new ArgumentException(
                $"Unknown filter field '{name}'; filterable fields: {string.Join(", ", FilterField.All.Select(f => f.Name))}.", nameof(FieldEquals));
            clauses.Add(Equality(field, value));
        }
        return clauses;
    }

    private static FilterClause Equality(FilterField field, string value)
    {
        switch (field.Kind)
        {
            case FilterValueKind.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    throw new ArgumentException($"Filter '{field.Name}' expects a number, got '{value}'.", nameof(FieldEquals));
                return new RangeClause(field, number, number);
            case FilterValueKind.Integer:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                    throw new ArgumentException($"Filter '{field.Name}' expects a whole number, got '{value}'.", nameof(FieldEquals));
                return new RangeClause(field, whole, whole);
            case FilterValueKind.ExactText:
                return new AnyOfClause(field, [value.Trim()]);
            default:
                return new AnyOfClause(field, [FilterField.Normalize(value)]);
        }
    }

    private static void AddText(List<FilterClause> clauses, FilterField field, IReadOnlyList<string>? values)
    {
        var normalized = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(FilterField.Normalize).Distinct().ToArray();
        if (normalized.Length > 0) clauses.Add(new AnyOfClause(field, normalized));
    }
}
