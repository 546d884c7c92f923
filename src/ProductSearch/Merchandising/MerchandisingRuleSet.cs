using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace ProductSearch.Merchandising;

/// <summary>
/// An index's merchandising rules, kept inside each commit (a change is a commit like any other) and applied to every
/// search of that commit after fusion and the learned second stage, on the whole candidate order before it is paged:
/// <list type="number">
/// <item>Every rule whose <see cref="RuleQuery"/> matches the shopper's query applies, in file order.</item>
/// <item><b>Hide</b>: the products hidden by any matching rule are removed everywhere, on every page.</item>
/// <item><b>Boost / bury</b>: among the first <see cref="Ranking.RankingProfile.CandidateDepth"/> candidates of the order
/// (a window that does not depend on the page asked for), each candidate counts +1 for every matching rule whose
/// boost conditions it meets and −1 for every one whose bury conditions it meets; the window is then stably sorted by
/// that count, so boosted candidates move up and buried ones down as blocks, each keeping its relative order. Candidates
/// beyond the window keep their order.</item>
/// <item><b>Pin</b>: pinned products are placed at their 1-based positions of the whole answer, whether or not they were
/// among the candidates, provided they pass the request's filters (a pinned product that fails them is not shown) and no
/// matching rule hides them. Pins are placed in order of position (ties: file order, the later one at the next free
/// position); a position past the end of the results puts the product last. A product pinned twice keeps its first pin.</item>
/// </list>
/// Pages are cut from this order, so the same request at offsets 0, 10, 20 never repeats or skips a product.
/// </summary>
public sealed class MerchandisingRuleSet
{
    /// <summary>The file holding them inside a generation folder.</summary>
    public const string FileName = "merchandising-rules.json";

    /// <summary>Largest rules file accepted.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Largest position a rule may pin a product at.</summary>
    public const int MaxPosition = SearchRequest.MaxK;

    /// <summary>No rule.</summary>
    public static MerchandisingRuleSet Empty { get; } = new([]);

    private MerchandisingRuleSet(IReadOnlyList<MerchandisingRule> rules) => Rules = rules;

    /// <summary>The rules, in file order (rule 1 first).</summary>
    public IReadOnlyList<MerchandisingRule> Rules { get; }

    /// <summary>Checks <paramref name="rules"/> and makes a rule set of them.</summary>
    /// <exception cref="MerchandisingRulesException">A rule is invalid; the message names the rule and the field.</exception>
    public static MerchandisingRuleSet Create(IEnumerable<MerchandisingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        for (var i = 0; i < list.Length; i++) Check(list[i], i + 1);
        return list.Length == 0 ? Empty : new MerchandisingRuleSet(list);
    }

    /// <summary>
    /// Reads a rules file: <c>{"rules": [{"name": …, "query": {"exact": …} or {"contains": […]}, "pin": [{"id": …,
    /// "position": …}], "hide": […], "boost": […], "bury": […]}]}</c> (comments and trailing commas allowed).
    /// </summary>
    /// <exception cref="MerchandisingRulesException">The JSON is malformed or a rule is invalid; the message names the rule and the field.</exception>
    public static MerchandisingRuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw new MerchandisingRulesException(null, null, $"the file is larger than {MaxBytes / (1024 * 1024)} MB.");
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw FromJson(ex);
        }
        if (file?.Rules is null) throw new MerchandisingRulesException(null, "rules", "the file must be an object with a \"rules\" list.");
        return Create(file.Rules);
    }

    /// <summary>The rules as a rules file that <see cref="Parse"/> reads back.</summary>
    public string ToJson() => JsonSerializer.Serialize(new RulesFile(Rules), WriteOptions);

    private static void Check(MerchandisingRule? rule, int number)
    {
        if (rule is null) throw new MerchandisingRulesException(number, null, "the rule is empty.");
        if (rule.Query is not { } query) throw new MerchandisingRulesException(number, "query", "a rule needs a query: {\"exact\": \"…\"} or {\"contains\": [\"…\"]}.");
        if ((query.Exact is null) == (query.Contains is null))
            throw new MerchandisingRulesException(number, "query", "give exactly one of \"exact\" and \"contains\".");
        if (query.Exact is { } exact && QueryWords.Of(exact).Length == 0) throw new MerchandisingRulesException(number, "query.exact", "it holds no word.");
        if (query.Contains is { } contains && (contains.Count == 0 || contains.Any(w => w is null || QueryWords.Of(w).Length == 0)))
            throw new MerchandisingRulesException(number, "query.contains", "give one or more words, none of them empty.");
        if (rule.Pin.Count + rule.Hide.Count + rule.Boost.Count + rule.Bury.Count == 0)
            throw new MerchandisingRulesException(number, null, "the rule does nothing: give it a pin, hide, boost or bury.");
        for (var i = 0; i < rule.Pin.Count; i++)
        {
            var pin = rule.Pin[i] ?? throw new MerchandisingRulesException(number, $"pin[{i}]", "the pin is empty.");
            if (string.IsNullOrWhiteSpace(pin.Id)) throw new MerchandisingRulesException(number, $"pin[{i}].id", "the product id is empty.");
            if (pin.Position is < 1 or > MaxPosition) throw new MerchandisingRulesException(number, $"pin[{i}].position", $"{pin.Position} is not a position from 1 to {MaxPosition}.");
        }
        for (var i = 0; i < rule.Hide.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rule.Hide[i])) throw new MerchandisingRulesException(number, $"hide[{i}]", "the product id is empty.");
            if (rule.Pin.Any(p => p.Id == rule.Hide[i])) throw new MerchandisingRulesException(number, $"hide[{i}]", $"'{rule.Hide[i]}' is both pinned and hidden by this rule.");
        }
        CheckConditions(rule.Boost, number, "boost");
        CheckConditions(rule.Bury, number, "bury");
    }

    /// <summary>
    /// Checks every boost and bury condition against the schema of the index the rules are set on: each field must
    /// exist there and be filterable, each value of its type.
    /// </summary>
    /// <exception cref="MerchandisingRulesException">A condition does not resolve; names the rule and the condition.</exception>
    internal void CheckAgainst(Indexing.IndexSchema schema)
    {
        for (var r = 0; r < Rules.Count; r++)
        {
            foreach (var (conditions, field) in new[] { (Rules[r].Boost, "boost"), (Rules[r].Bury, "bury") })
            {
                for (var i = 0; i < conditions.Count; i++)
                {
                    try { RuleConditions.Resolve(conditions[i], schema); }
                    catch (ArgumentException ex) { throw new MerchandisingRulesException(r + 1, $"{field}[{i}]", ex.Message.Split(" (Parameter", 2)[0], ex); }
                }
            }
        }
    }

    private static void CheckConditions(IReadOnlyList<string> conditions, int number, string field)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            try
            {
                RuleConditions.CheckSyntax(conditions[i] ?? "");
            }
            catch (ArgumentException ex)
            {
                throw new MerchandisingRulesException(number, $"{field}[{i}]", ex.Message.Split(" (Parameter", 2)[0], ex);
            }
        }
    }

    /// <summary>A JSON error as the rule and field its path points at ("$.rules[2].pin[0].position" → rule 3, "pin[0].position").</summary>
    private static MerchandisingRulesException FromJson(JsonException error)
    {
        var line = error.LineNumber is { } l ? $" (line {l + 1})" : "";
        var match = Regex.Match(error.Path ?? "", @"^\$\.rules\[(\d+)\]\.?(.*)$");
        var rule = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : (int?)null;
        var field = match.Success ? (match.Groups[2].Value is { Length: > 0 } f ? f : null) : error.Path is { Length: > 2 } p ? p[2..] : null;
        var message = error.Message;
        var problem = message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"unknown field{line}; a rule's fields are name, query (exact or contains), pin (id, position), hide, boost, bury."
            : message.Contains("could not be converted", StringComparison.Ordinal) || message.Contains("non-nullable", StringComparison.Ordinal)
                ? $"expected {Expected(field)}{line}."
                : $"malformed JSON{line}: {message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')}.";
        // The unknown field's name is in the message, not the path, when it is a property of the rule itself.
        if (message.Contains("could not be mapped", StringComparison.Ordinal) && Regex.Match(message, "property '([^']+)'") is { Success: true } name)
            field = field is null || !field.EndsWith(name.Groups[1].Value, StringComparison.Ordinal) ? Combine(field, name.Groups[1].Value) : field;
        return new MerchandisingRulesException(rule, field, problem, error);
    }

    private static string Combine(string? path, string name) => string.IsNullOrEmpty(path) ? name : $"{path}.{name}";

    private static string Expected(string? field) => Regex.Replace(field ?? "", @"\[\d+\]", "[]") switch
    {
        "" => "an object with a \"rules\" list",
        "name" or "query.exact" or "pin[].id" or "hide[]" or "boost[]" or "bury[]" => "text",
        "query" => "an object: {\"exact\": \"…\"} or {\"contains\": [\"…\"]}",
        "query.contains" => "a list of words",
        "pin" => "a list of {\"id\": …, \"position\": …}",
        "pin[]" => "{\"id\": …, \"position\": …}",
        "pin[].position" => "a whole number from 1",
        "hide" => "a list of product ids",
        "boost" or "bury" => "a list of conditions such as \"brand=Acme\"",
        "rules" => "a list of rules",
        _ => "another type of value",
    };

    private sealed record RulesFile(IReadOnlyList<MerchandisingRule> Rules);

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Only what a rule uses is written: an empty pin, hide, boost or bury list is left out.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties)
                        property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
                },
            },
        },
    };
}
