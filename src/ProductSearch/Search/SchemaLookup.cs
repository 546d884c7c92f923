using ProductSearch.Indexing;
using ProductSearch.Lexical;

namespace ProductSearch.Search;

/// <summary>A field a request names, found in the schema and allowed for its use: its schema name, its settings and where its values are indexed.</summary>
internal sealed record NamedField(string Name, SchemaField Field, FilterField Target);

/// <summary>
/// Finds the field a filter, sort or facet names in the commit's schema, and checks the schema allows that use; the
/// errors name the field and list the fields that would do.
/// </summary>
internal static class SchemaLookup
{
    /// <param name="schema">The commit's schema.</param>
    /// <param name="name">The name as the request wrote it.</param>
    /// <param name="use">The use, as the messages say it: "filter", "sort", "facet".</param>
    /// <param name="flag">The flag the use needs, as the messages say it: "filterable", "sortable", "facetable".</param>
    /// <param name="allows">Whether a field's settings allow the use.</param>
    /// <param name="parameter">The request's parameter, for the exception.</param>
    public static NamedField Require(IndexSchema schema, string name, string use, string flag, Func<SchemaField, bool> allows, string parameter)
    {
        var known = string.Join(", ", schema.Fields.Where(f => allows(f.Value)).Select(f => f.Key));
        var found = schema.Resolve(name) ?? throw new ArgumentException($"Unknown {use} field '{name}'; {flag} fields: {known}.", parameter);
        var field = schema.Fields[found];
        if (!allows(field))
            throw new ArgumentException($"Field '{found}' ({IndexSchema.Name(field.Type)}) is not {flag} in the index's schema; {flag} fields: {known}.", parameter);
        var target = IndexSchema.IsBuiltIn(found) ? FilterField.Find(found)! : FilterField.ForAttribute(found, field.Type);
        return new NamedField(found, field, target);
    }
}
