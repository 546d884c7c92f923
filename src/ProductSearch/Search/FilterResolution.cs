using System.Globalization;
using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>
/// Turns typed <see cref="SearchFilter"/>s into filter clauses by the schema of the commit searched: the field must
/// exist and be filterable, the operator must suit its type, and each value must be of that type. Errors name the
/// field and, for a type mismatch, its type.
/// </summary>
internal static class FilterResolution
{
    public static FilterClause Resolve(SearchFilter filter, IndexSchema schema)
    {
        // A filter made in code rather than by SearchFilter.Parse may carry what the syntax cannot say.
        ArgumentNullException.ThrowIfNull(filter);
        if (!Enum.IsDefined(filter.Operator))
            throw new ArgumentException($"The filter on '{filter.Field}' has no known operator ({(int)filter.Operator}); use =, <, <=, > or >=.", nameof(SearchFilters.Conditions));
        if (filter.Values is not { Count: > 0 } || filter.Values.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"The filter on '{filter.Field}' gives no value.", nameof(SearchFilters.Conditions));
        var (name, field, target) = SchemaLookup.Require(schema, filter.Field, "filter", "filterable", f => f.Filterable, nameof(SearchFilters.Conditions));
        if (field.Type != SchemaFieldType.Number)
        {
            if (filter.Operator != FilterOperator.Equal)
                throw Mismatch(filter, name, field.Type, "only = (any of, with commas) applies to it");
            if (field.Type == SchemaFieldType.Boolean && filter.Values.FirstOrDefault(v => !bool.TryParse(v, out _)) is { } notBoolean)
                throw Mismatch(filter, name, field.Type, $"'{notBoolean}' is not true or false");
            var values = filter.Values.Select(v => target.Kind == FilterValueKind.ExactText ? v : FilterField.Normalize(v)).Distinct(StringComparer.Ordinal).ToArray();
            return new AnyOfClause(target, values);
        }
        if (filter.Values.Count > 1) throw Mismatch(filter, name, field.Type, "= takes one number, not a list");
        var text = filter.Values[0];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw Mismatch(filter, name, field.Type, $"'{text}' is not a number");
        return filter.Operator switch
        {
            FilterOperator.Less => new RangeClause(target, null, number) { MaxExclusive = true },
            FilterOperator.LessOrEqual => new RangeClause(target, null, number),
            FilterOperator.Greater => new RangeClause(target, number, null) { MinExclusive = true },
            FilterOperator.GreaterOrEqual => new RangeClause(target, number, null),
            _ => new RangeClause(target, number, number),
        };
    }

    private static ArgumentException Mismatch(SearchFilter filter, string name, SchemaFieldType type, string why) =>
        new($"Filter '{filter}': field '{name}' is a {IndexSchema.Name(type)}; {why}.", nameof(SearchFilters.Conditions));
}
