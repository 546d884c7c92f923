using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductSearch.AspNetCore;
using ProductSearch.Indexing;
using ProductSearch.Merchandising;
using ProductSearch.Server.Writes;

namespace ProductSearch.Server.Api;

/// <summary>
/// The index's settings (admin key): its schema and its merchandising rules, in the files' own JSON, as
/// <c>productsearch schema</c> and <c>productsearch rules</c> read and write them. Each change is one commit, checked
/// by the core before it is made; a refused change commits nothing.
/// </summary>
internal static class SettingsEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/schema", (SearchEngineProvider provider) => Read(provider, path => IndexSchema.Of(path).ToJson()))
            .WithName("GetSchema").WithSummary("The index's schema: each field's type (keyword, number, boolean) and whether it is filterable, facetable, sortable, searchable.")
            .Produces<JsonElement>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        admin.MapPut("/schema", SetSchemaAsync)
            .WithName("SetSchema").WithSummary("Sets fields of the schema ({\"fields\": {\"size\": {\"type\": \"keyword\", \"filterable\": true, …}}}); fields not named keep their settings. One commit.")
            .WithDescription("rebuild=true accepts a change of a field's type (the field is re-indexed from the stored products; nothing is re-embedded); without it such a change is a 409.")
            .Accepts<JsonElement>("application/json")
            .Produces<SchemaResult>().WithCommitProblems();

        // No rules read as an empty list, which PUT /rules takes back (the file form leaves empty lists out).
        admin.MapGet("/rules", (SearchEngineProvider provider) => Read(provider, path => MerchandisingRulesStore.Read(path) is { Rules.Count: > 0 } rules ? rules.ToJson() : "{\"rules\": []}"))
            .WithName("GetRules").WithSummary("The merchandising rules the index applies, as a rules file ({\"rules\": […]}).")
            .Produces<JsonElement>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        admin.MapPut("/rules", SetRulesAsync)
            .WithName("SetRules").WithSummary("Replaces the merchandising rules ({\"rules\": [{\"name\", \"query\", \"pin\", \"hide\", \"boost\", \"bury\"}, …]}); one commit.")
            .WithDescription("A bad rule is a 400 naming the rule and the field. Products a rule names that the index does not hold are listed in unknownProducts; the rule is kept.")
            .Accepts<JsonElement>("application/json")
            .Produces<RulesResult>().WithCommitProblems();

        admin.MapDelete("/rules", (ProductWrites writes, SearchEngineProvider provider, CancellationToken cancellationToken) =>
                CommitRulesAsync(MerchandisingRuleSet.Empty, writes, provider, cancellationToken))
            .WithName("ClearRules").WithSummary("Removes the merchandising rules; one commit.")
            .Produces<RulesResult>().WithCommitProblems();
    }

    /// <summary>What a schema change did.</summary>
    /// <param name="Generation">The index commit now served.</param>
    /// <param name="Reanalysed">Fields whose change re-analysed the lexical index from the stored products (nothing is re-embedded).</param>
    internal sealed record SchemaResult(long Generation, IReadOnlyList<string> Reanalysed);

    /// <summary>What a change of the merchandising rules did.</summary>
    /// <param name="Generation">The index commit now served.</param>
    /// <param name="Rules">Rules the index now applies.</param>
    /// <param name="UnknownProducts">Products the rules pin or hide that the index does not hold (the rules are kept and apply once they are indexed).</param>
    internal sealed record RulesResult(long Generation, int Rules, IReadOnlyList<UnknownProduct> UnknownProducts);

    /// <summary>A product a rule names that the index does not hold.</summary>
    /// <param name="Rule">The rule's number.</param>
    /// <param name="Action">pinned or hidden.</param>
    /// <param name="ProductId">The id.</param>
    internal sealed record UnknownProduct(int Rule, string Action, string ProductId);

    private static IResult Read(SearchEngineProvider provider, Func<string, string> json)
    {
        if (!provider.TryGetEngine(out var engine, out var reason)) return ApiProblems.Unavailable(reason, provider.IndexPath);
        try
        {
            return TypedResults.Text(json(engine.IndexPath), "application/json", Encoding.UTF8);
        }
        catch (ProductSearchException ex)
        {
            return ApiProblems.Unavailable(provider, ex);
        }
    }

    private static async Task<IResult> SetSchemaAsync(HttpRequest request, bool? rebuild, ProductWrites writes, SearchEngineProvider provider,
        IOptions<ProductSearchServerOptions> options, CancellationToken cancellationToken)
    {
        var text = await TextAsync(request, options.Value, cancellationToken);
        if (text is null) return ApiProblems.TooLarge(options.Value.MaxRequestBodyBytes);
        IReadOnlyDictionary<string, SchemaField> fields;
        try { fields = IndexSchema.ParseFields(text); } // a bad schema is answered before the writer lock is waited for
        catch (SchemaException ex) { return ApiProblems.BadRequest(SchemaProblemKey(text), ex.Message); }
        IReadOnlyList<string> reanalysed = [];
        return await WriteEndpoints.WriteAsync(provider, async () =>
        {
            var report = await writes.ChangeSettingsAsync(writer =>
            {
                var current = IndexSchema.Of(provider.IndexPath);
                var next = current.With(fields);
                if (current.TypeChanges(next) is [var first, ..] && rebuild != true)
                    throw new TypeChangeException(first, $"The schema changes the type of field '{first}' ({IndexSchema.Name(current.Fields[first].Type)} → " +
                        $"{IndexSchema.Name(next.Fields[first].Type)}); send it with ?rebuild=true to re-index the field (nothing is re-embedded).");
                reanalysed = current.NeedingReanalysis(next);
                return writer.SetSchema(fields, allowTypeChanges: rebuild == true);
            }, cancellationToken);
            return new SchemaResult(report.Manifest.Generation, reanalysed);
        }, refused: ex => ex switch
        {
            TypeChangeException change => TypedResults.Problem(detail: change.Message, statusCode: StatusCodes.Status409Conflict, title: "The schema changes a field's type.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [$"fields.{change.Field}"] = [change.Message] } }),
            SchemaException => ApiProblems.BadRequest("fields", ex.Message),
            _ => null,
        });
    }

    private static async Task<IResult> SetRulesAsync(HttpRequest request, ProductWrites writes, SearchEngineProvider provider, IOptions<ProductSearchServerOptions> options,
        CancellationToken cancellationToken)
    {
        var text = await TextAsync(request, options.Value, cancellationToken);
        if (text is null) return ApiProblems.TooLarge(options.Value.MaxRequestBodyBytes);
        MerchandisingRuleSet rules;
        try { rules = MerchandisingRuleSet.Parse(text); }
        catch (MerchandisingRulesException ex) { return RulesProblem(ex); }
        return await CommitRulesAsync(rules, writes, provider, cancellationToken);
    }

    private static Task<IResult> CommitRulesAsync(MerchandisingRuleSet rules, ProductWrites writes, SearchEngineProvider provider, CancellationToken cancellationToken) =>
        WriteEndpoints.WriteAsync(provider, async () =>
        {
            var report = await writes.ChangeSettingsAsync(writer => writer.SetMerchandisingRules(rules), cancellationToken);
            return new RulesResult(report.Manifest.Generation, rules.Rules.Count,
                report.UnknownRuleProducts.Select(u => new UnknownProduct(u.Rule.Number, u.Action.ToString().ToLowerInvariant(), u.ProductId)).ToArray());
        }, refused: ex => ex is MerchandisingRulesException bad ? RulesProblem(bad) : null);

    /// <summary>400 naming the rule and field at fault (<c>rule 2.pin[0].position</c>), with the core's sentence, as <c>rules set</c> prints it.</summary>
    private static IResult RulesProblem(MerchandisingRulesException ex) =>
        ApiProblems.BadRequest((ex.RuleNumber, ex.Field) switch
        {
            ({ } rule, { } field) => $"rule {rule}.{field}",
            ({ } rule, null) => $"rule {rule}",
            (null, { } field) => field,
            _ => "rules",
        }, ex.Message);

    /// <summary>
    /// The key of a refused schema's problem: <c>fields.NAME</c> for the first field that the core refuses on its own
    /// (each is checked alone, as <see cref="IndexSchema.ParseFields"/> checks them), else <c>fields</c>.
    /// </summary>
    private static string SchemaProblemKey(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
                foreach (var field in fields.EnumerateObject())
                {
                    try { IndexSchema.ParseFields(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, JsonElement>> { ["fields"] = new() { [field.Name] = field.Value } })); }
                    catch (SchemaException) { return $"fields.{field.Name}"; }
                }
        }
        catch (JsonException)
        {
            return "body";
        }
        return "fields";
    }

    private static async Task<string?> TextAsync(HttpRequest request, ProductSearchServerOptions limits, CancellationToken cancellationToken) =>
        await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A change of a field's type sent without <c>rebuild=true</c>: a conflict with the index as it is, answered 409.</summary>
    private sealed class TypeChangeException(string field, string message) : ProductSearchException(ProductSearchErrorReason.InvalidInput, message)
    {
        public string Field { get; } = field;
    }
}
