namespace ProductSearch;

/// <summary>How a <see cref="SearchFilter"/> compares a field with its values.</summary>
public enum FilterOperator
{
    /// <summary><c>=</c>: equals one of the values (any-of for keywords and booleans: <c>size=M,L</c>).</summary>
    Equal,

    /// <summary><c>&lt;</c>: below the number.</summary>
    Less,

    /// <summary><c>&lt;=</c>: at most the number.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>: above the number.</summary>
    Greater,

    /// <summary><c>&gt;=</c>: at least the number.</summary>
    GreaterOrEqual,
}

/// <summary>
/// One typed condition on a field of the index's schema, written <c>FIELD OP VALUE</c>: <c>rating&gt;=4</c>,
/// <c>price&lt;50</c>, <c>size=M,L</c> (any of), <c>in_stock=true</c>. Operators: <c>=</c>, <c>&lt;</c>, <c>&lt;=</c>,
/// <c>&gt;</c>, <c>&gt;=</c>; ranges apply to number fields, <c>=</c> to every type (one number, or any of several
/// keywords or booleans). The field must be filterable in the schema; the engine checks the field and the value's type
/// against the schema of the commit it searches (<see cref="SearchFilters.ToClauses(Indexing.IndexSchema)"/>).
/// </summary>
/// <param name="Field">The field's name (a built-in field or a custom attribute).</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Values">The values as written: one for a range, one or more for <c>=</c>.</param>
public sealed record SearchFilter(string Field, FilterOperator Operator, IReadOnlyList<string> Values)
{
    private static readonly (string Text, FilterOperator Operator)[] Operators =
    [
        ("<=", FilterOperator.LessOrEqual), (">=", FilterOperator.GreaterOrEqual), ("<", FilterOperator.Less), (">", FilterOperator.Greater), ("=", FilterOperator.Equal),
    ];

    /// <summary>Reads one condition: <c>rating&gt;=4</c>, <c>price&lt;50</c>, <c>size=M,L</c>. Blanks around the parts are ignored.</summary>
    /// <exception cref="ArgumentException">No operator, no field name, no value, or a range with several values; the message quotes the text.</exception>
    public static SearchFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOfAny(['<', '>', '=']);
        if (at < 0) throw new ArgumentException($"Filter '{text}' has no operator; write FIELD=VALUE, FIELD<N, FIELD<=N, FIELD>N or FIELD>=N.", nameof(text));
        var (symbol, op) = Operators.First(o => text.AsSpan(at).StartsWith(o.Text, StringComparison.Ordinal));
        var field = text[..at].Trim();
        if (field.Length == 0) throw new ArgumentException($"Filter '{text}' names no field before '{symbol}'.", nameof(text));
        var values = text[(at + symbol.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0) throw new ArgumentException($"Filter '{text}' has no value after '{symbol}'.", nameof(text));
        if (op != FilterOperator.Equal && values.Length > 1) throw new ArgumentException($"Filter '{text}': a range takes one number, not a list.", nameof(text));
        return new SearchFilter(field, op, values);
    }

    /// <summary>Whether <paramref name="other"/> is the same condition: same field, operator and values in the same order.</summary>
    public bool Equals(SearchFilter? other) =>
        other is not null && Field == other.Field && Operator == other.Operator && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Operator, Values.Count > 0 ? Values[0] : null, Values.Count);

    /// <summary>The condition as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Field + (Operators.FirstOrDefault(o => o.Operator == Operator).Text ?? $"?{(int)Operator}?") + string.Join(',', Values);
}
