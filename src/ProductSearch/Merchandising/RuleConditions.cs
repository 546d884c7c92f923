using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Search;

namespace ProductSearch.Merchandising;

/// <summary>
/// A rule's condition — <c>field=value</c>, <c>field=v1,v2</c> (any of), <c>field&gt;=number</c> (also <c>&gt;</c>,
/// <c>&lt;</c>, <c>&lt;=</c>) — read by the same parser as request filters (<see cref="SearchFilter.Parse"/>) and
/// resolved by the same schema rules, so a condition selects products exactly as <c>--filter</c> does, custom
/// attributes included.
/// </summary>
internal static class RuleConditions
{
    /// <summary>Checks the syntax only: a rules file is read before any index is at hand.</summary>
    /// <exception cref="ArgumentException">The condition is malformed.</exception>
    public static void CheckSyntax(string condition) => SearchFilter.Parse(condition);

    /// <summary>The clause <paramref name="condition"/> says in an index of <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">The condition is malformed, names a field the schema lacks or does not filter, or gives a value of the wrong type.</exception>
    public static FilterClause Resolve(string condition, IndexSchema schema) => FilterResolution.Resolve(SearchFilter.Parse(condition), schema);
}
