using System.Globalization;
using ProductSearch.Lexical;

namespace ProductSearch.Merchandising;

/// <summary>
/// Reads a rule's condition — <c>field=value</c>, <c>field=v1,v2</c> (any of), <c>field&gt;=number</c> (also
/// <c>&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>) — into the filter clause that requests' filters are made of, so a condition
/// selects products exactly as <c>--filter</c> does. Fields: those of <see cref="FilterField.All"/>.
/// </summary>
internal static class RuleConditions
{
    private static readonly string[] Operators = [">=", "<=", ">", "<", "="];

    /// <summary>The clause <paramref name="condition"/> says.</summary>
    /// <exception cref="ArgumentException">The condition is malformed, names an unknown field, or gives a value of the wrong type.</exception>
    public static FilterClause Parse(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var at = condition.IndexOfAny(['<', '>', '=']);
        if (at <= 0) throw new ArgumentException($"'{condition}' is not a condition: write field=value, field=v1,v2 or field>=number.", nameof(condition));
        var op = Operators.First(o => string.CompareOrdinal(condition, at, o, 0, o.Length) == 0);
        var name = condition[..at].Trim();
        var value = condition[(at + op.Length)..].Trim();
        var field = FilterField.Find(name) ?? throw new ArgumentException(
            $"unknown field '{name}' in '{condition}'; known fields: {string.Join(", ", FilterField.All.Select(f => f.Name))}.", nameof(condition));
        if (value.Length == 0) throw new ArgumentException($"'{condition}' gives no value.", nameof(condition));
        if (field.Kind is FilterValueKind.Text or FilterValueKind.ExactText)
        {
            if (op != "=") throw new ArgumentException($"'{field.Name}' is a text field: it takes = (not {op}) in '{condition}'.", nameof(condition));
            var values = value.Split(',').Select(v => field.Kind == FilterValueKind.Text ? FilterField.Normalize(v) : v.Trim()).Where(v => v.Length > 0).Distinct().ToArray();
            return values.Length == 0 ? throw new ArgumentException($"'{condition}' gives no value.", nameof(condition)) : new AnyOfClause(field, values);
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw new ArgumentException($"'{field.Name}' is a number field; '{value}' in '{condition}' is not a number.", nameof(condition));
        return op switch
        {
            ">=" => new RangeClause(field, number, null),
            ">" => new RangeClause(field, Math.BitIncrement(number), null),
            "<=" => new RangeClause(field, null, number),
            "<" => new RangeClause(field, null, Math.BitDecrement(number)),
            _ => new RangeClause(field, number, number),
        };
    }
}
