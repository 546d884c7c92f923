using System.Text.Json;
using System.Text.Json.Serialization;
using ProductSearch.Catalog;

namespace ProductSearch.Indexing;

/// <summary>
/// What the index knows about each product field: its type (keyword, number, boolean) and whether searches may filter,
/// facet, sort or (for custom attributes) search on it. Kept in each commit as <c>schema.json</c>, so a change is a
/// commit like any other. The built-in fields (<see cref="BuiltInFields"/>) are always there with their fixed types;
/// custom attributes are added, with <see cref="SchemaField.Inferred"/> flags, the first time a catalog brings them.
/// </summary>
public sealed class IndexSchema
{
    /// <summary>The file name in a generation folder.</summary>
    public const string FileName = "schema.json";

    /// <summary>The built-in fields and their defaults.</summary>
    public static IReadOnlyDictionary<string, SchemaField> BuiltInFields { get; } = new SortedDictionary<string, SchemaField>(StringComparer.Ordinal)
    {
        ["brand"] = SchemaField.Inferred(SchemaFieldType.Keyword),
        ["color"] = SchemaField.Inferred(SchemaFieldType.Keyword),
        ["category"] = SchemaField.Inferred(SchemaFieldType.Keyword),
        ["locale"] = SchemaField.Inferred(SchemaFieldType.Keyword),
        ["product_id"] = new(SchemaFieldType.Keyword) { Filterable = true },
        ["price"] = SchemaField.Inferred(SchemaFieldType.Number),
        ["rating"] = SchemaField.Inferred(SchemaFieldType.Number),
        ["rating_count"] = SchemaField.Inferred(SchemaFieldType.Number),
    };

    /// <summary>The schema of an index whose catalog has no custom attributes.</summary>
    public static IndexSchema Default { get; } = new(BuiltInFields);

    private IndexSchema(IReadOnlyDictionary<string, SchemaField> fields) => Fields = fields;

    /// <summary>Every field by name, in name order.</summary>
    public IReadOnlyDictionary<string, SchemaField> Fields { get; }

    /// <summary>The field named <paramref name="name"/> (any case; ESCI's <c>product_</c> prefix is accepted for built-ins), or <c>null</c>.</summary>
    public SchemaField? Find(string name) => Resolve(name) is { } known ? Fields[known] : null;

    /// <summary>The schema's own name for <paramref name="name"/> (<c>Product_Brand</c> → <c>brand</c>), or <c>null</c> when it has no such field.</summary>
    public string? Resolve(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (Fields.ContainsKey(key)) return key;
        return key.StartsWith("product_", StringComparison.Ordinal) && BuiltInFields.ContainsKey(key[8..]) ? key[8..] : null;
    }

    /// <summary>Whether <paramref name="name"/> is a built-in field rather than a custom attribute.</summary>
    public static bool IsBuiltIn(string name) => BuiltInFields.ContainsKey(name);

    /// <summary>This schema with <paramref name="fields"/> set (added or replaced); the fields not named keep their settings.</summary>
    /// <exception cref="SchemaException">A name cannot be an attribute's, or a built-in field is given another type or made searchable.</exception>
    public IndexSchema With(IReadOnlyDictionary<string, SchemaField> fields)
    {
        var merged = new SortedDictionary<string, SchemaField>(Fields.ToDictionary(), StringComparer.Ordinal);
        foreach (var (rawName, field) in fields)
        {
            var name = Resolve(rawName) ?? rawName.Trim().ToLowerInvariant();
            Check(name, field);
            merged[name] = field;
        }
        return new IndexSchema(merged);
    }

    private static void Check(string name, SchemaField field)
    {
        if (!Enum.IsDefined(field.Type)) throw new SchemaException($"Field '{name}' has an unknown type; the types are keyword, number, boolean.");
        if (field.Boost <= 0 || !float.IsFinite(field.Boost)) throw new SchemaException($"Field '{name}' has boost {field.Boost}; a boost must be a positive number.");
        if (BuiltInFields.TryGetValue(name, out var builtIn))
        {
            if (field.Type != builtIn.Type)
                throw new SchemaException($"Field '{name}' is built in as a {Name(builtIn.Type)}; its type cannot be {Name(field.Type)}.");
            if (field.Searchable)
                throw new SchemaException($"Field '{name}' is built in: how much its words count is the ranking profile's field boosts, not the schema's.");
            return;
        }
        if (AttributeNames.Problem(name) is { } problem) throw new SchemaException($"Field '{name}': {problem}.");
        if (field.Searchable && field.Type != SchemaFieldType.Keyword)
            throw new SchemaException($"Field '{name}' is a {Name(field.Type)}; only keyword fields can be searchable.");
        if (field.Sortable && field.Type != SchemaFieldType.Number)
            throw new SchemaException($"Field '{name}' is a {Name(field.Type)}; only number fields can be sortable.");
    }

    /// <summary>The names of the fields whose type differs in <paramref name="next"/>.</summary>
    public IReadOnlyList<string> TypeChanges(IndexSchema next) =>
        next.Fields.Where(f => Fields.TryGetValue(f.Key, out var mine) && mine.Type != f.Value.Type).Select(f => f.Key).ToArray();

    /// <summary>
    /// The fields whose change in <paramref name="next"/> needs the lexical index re-analysed from the stored products
    /// (no re-embedding): a new type, or searchable turned on or off. Filterable, facetable, sortable and boost take
    /// effect at once: every attribute's values are indexed whatever its flags.
    /// </summary>
    public IReadOnlyList<string> NeedingReanalysis(IndexSchema next) =>
        next.Fields.Where(f => Fields.TryGetValue(f.Key, out var mine) && (mine.Type != f.Value.Type || mine.Searchable != f.Value.Searchable))
            .Select(f => f.Key).ToArray();

    /// <summary>The lowercase name of a type, as schema files write it.</summary>
    public static string Name(SchemaFieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>Reads a schema file's text: <c>{"fields": {"size": {"type": "keyword", "filterable": true, …}, …}}</c>, laid over <see cref="Default"/>.</summary>
    /// <exception cref="SchemaException">The text is not such a schema; the message says where.</exception>
    public static IndexSchema Parse(string json) => Default.With(ParseFields(json));

    /// <summary>The fields a schema file's text names, checked (see <see cref="With"/>), without the others.</summary>
    /// <exception cref="SchemaException">The text is not such a schema; the message says where.</exception>
    public static IReadOnlyDictionary<string, SchemaField> ParseFields(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SchemaFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SchemaFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new SchemaException($"The schema is not valid: {ex.Message}", ex);
        }
        if (file?.Fields is null) throw new SchemaException("The schema has no \"fields\" object.");
        if (file.Fields.FirstOrDefault(f => f.Value is null) is { Key: { } empty }) throw new SchemaException($"Field '{empty}' is null.");
        var fields = file.Fields.ToDictionary(f => f.Key, f => f.Value!);
        Default.With(fields); // checks each
        return fields;
    }

    /// <summary>The schema of the current commit of the index at <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexException">No index there, or its manifest is unreadable.</exception>
    /// <exception cref="SchemaException">The commit's schema file is damaged.</exception>
    public static IndexSchema Of(string indexPath)
    {
        var layout = new IndexLayout(indexPath);
        return Read(layout.GenerationFolder(layout.ReadManifest().Generation));
    }

    /// <summary>The schema as its file's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(new SchemaFile(Fields.ToDictionary(f => f.Key, f => (SchemaField?)f.Value)), JsonOptions);

    private sealed record SchemaFile(Dictionary<string, SchemaField?>? Fields);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads the schema a generation folder keeps (<see cref="Default"/> when it has none: an index built before schemas).</summary>
    /// <exception cref="SchemaException">The file is there but not a schema.</exception>
    internal static IndexSchema Read(string generationFolder)
    {
        var path = Path.Combine(generationFolder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Default;
    }

    /// <summary>Writes this schema into a generation folder.</summary>
    internal void Write(string generationFolder) => File.WriteAllText(Path.Combine(generationFolder, FileName), ToJson());
}
