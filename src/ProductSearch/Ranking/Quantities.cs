using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProductSearch.Ranking;

/// <summary>A number with its unit as the second stage compares them: the value rounded to 3 decimals, the unit in one spelling ("" when none).</summary>
/// <param name="Value">The value (fractions divided out: 1 1/2 → 1.5).</param>
/// <param name="Unit">The canonical unit: in, ft, oz, lb, count, mm, cm, ml, l, gal, qt, v, w, mah, gb, tb, or "".</param>
internal readonly record struct Quantity(double Value, string Unit);

/// <summary>
/// Reads the numbers of a query or a title with their units, written any of the ways shoppers and sellers write them,
/// so "1/2 inch", "0.5\"" and "½ in" are one quantity and "6 pack", "pack of 6" and "6-count" another. ESCI's losses
/// include titles that carry the right number in another spelling, and titles with the same unit but another number.
/// </summary>
internal static partial class Quantities
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["inches"] = "in", ["inch"] = "in", ["in"] = "in", ["\""] = "in", ["''"] = "in", ["”"] = "in",
        ["feet"] = "ft", ["foot"] = "ft", ["ft"] = "ft", ["'"] = "ft",
        ["ounces"] = "oz", ["ounce"] = "oz", ["oz"] = "oz", ["floz"] = "oz",
        ["pounds"] = "lb", ["pound"] = "lb", ["lbs"] = "lb", ["lb"] = "lb",
        ["packs"] = "count", ["pack"] = "count", ["pk"] = "count", ["count"] = "count", ["ct"] = "count",
        ["pcs"] = "count", ["pieces"] = "count", ["piece"] = "count", ["pc"] = "count",
        ["mm"] = "mm", ["cm"] = "cm", ["ml"] = "ml", ["liters"] = "l", ["liter"] = "l", ["litres"] = "l", ["litre"] = "l", ["l"] = "l",
        ["gallons"] = "gal", ["gallon"] = "gal", ["gal"] = "gal", ["quarts"] = "qt", ["quart"] = "qt", ["qt"] = "qt",
        ["volts"] = "v", ["volt"] = "v", ["v"] = "v", ["watts"] = "w", ["watt"] = "w", ["w"] = "w",
        ["mah"] = "mah", ["gb"] = "gb", ["tb"] = "tb",
    };

    private static readonly (char Glyph, string Text)[] Fractions =
        [('½', "1/2"), ('¼', "1/4"), ('¾', "3/4"), ('⅓', "1/3"), ('⅔', "2/3"), ('⅛', "1/8"), ('⅜', "3/8"), ('⅝', "5/8"), ('⅞', "7/8")];

    /// <summary>The distinct quantities in <paramref name="text"/>.</summary>
    public static HashSet<Quantity> Read(string text)
    {
        var found = new HashSet<Quantity>();
        if (!text.Any(char.IsDigit) && !text.Any(c => Array.Exists(Fractions, f => f.Glyph == c))) return found;
        var normal = Normalize(text);
        foreach (Match match in Numbers().Matches(normal))
        {
            if (!TryValue(match, out var value)) continue;
            var unit = match.Groups["unit"].Success ? Units[SpacesAndDots().Replace(match.Groups["unit"].Value, "")] : "";
            found.Add(new Quantity(Math.Round(value, 3), unit));
        }
        foreach (Match match in CountOf().Matches(normal))
            found.Add(new Quantity(double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), "count"));
        // "pack of 6" also reads a bare 6: the quantity with the unit says all of it.
        found.RemoveWhere(q => q.Unit.Length == 0 && found.Any(other => other.Value == q.Value && other.Unit.Length > 0));
        return found;
    }

    /// <summary>
    /// Whether the title has the query's <paramref name="wanted"/> quantity: the same value, and the same unit unless
    /// one side names none ("14" matches "14 inch"; "12 oz" does not match "12 lb").
    /// </summary>
    public static bool Matches(Quantity wanted, IReadOnlySet<Quantity> title)
    {
        foreach (var q in title)
            if (q.Value == wanted.Value && (q.Unit == wanted.Unit || q.Unit.Length == 0 || wanted.Unit.Length == 0)) return true;
        return false;
    }

    /// <summary>Whether the title gives another value in the unit the query names ("12 oz" wanted, "16 oz" offered) and never the wanted one.</summary>
    public static bool Conflicts(Quantity wanted, IReadOnlySet<Quantity> title) =>
        wanted.Unit.Length > 0 && !Matches(wanted, title) && title.Any(q => q.Unit == wanted.Unit);

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            var fraction = Array.FindIndex(Fractions, f => f.Glyph == c);
            if (fraction < 0) builder.Append(char.ToLowerInvariant(c));
            else builder.Append(' ').Append(Fractions[fraction].Text); // "1½" → "1 1/2"
        }
        return ThousandsSeparator().Replace(builder.ToString(), "");
    }

    private static bool TryValue(Match match, out double value)
    {
        var groups = match.Groups;
        value = 0;
        if (groups["n"].Success)
        {
            var denominator = double.Parse(groups["d"].Value, CultureInfo.InvariantCulture);
            if (denominator == 0) return false;
            value = double.Parse(groups["n"].Value, CultureInfo.InvariantCulture) / denominator;
            if (groups["whole"].Success) value += double.Parse(groups["whole"].Value, CultureInfo.InvariantCulture);
            return true;
        }
        return double.TryParse(groups["dec"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // A mixed number ("1 1/2", "1-1/2"), a fraction or a decimal, not inside a word ("b12", "x2"), then an optional unit.
    // Longer unit spellings come first, since .NET takes the first alternative that matches; an apostrophe before a
    // letter is a possessive or a decade ("90's"), not feet.
    [GeneratedRegex("""(?<![\p{L}\d.])(?:(?:(?<whole>\d+)[\s-]+)?(?<n>\d+)\s*/\s*(?<d>\d+)|(?<dec>\d*\.?\d+))(?:\s*-?\s*(?<unit>inches|inch|in\b|''(?!\p{L})|"|”|feet|foot|ft\b|'(?!\p{L})|ounces|ounce|fl\.?\s*oz\b|oz\b|pounds|pound|lbs\b|lb\b|packs?\b|pk\b|count\b|ct\b|pcs\b|pieces?\b|pc\b|mm\b|cm\b|ml\b|lit(?:er|re)s?\b|l\b|gallons?\b|gal\b|quarts?\b|qt\b|volts?\b|v\b|watts?\b|w\b|mah\b|gb\b|tb\b))?""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\b(?:pack|set|case|box|bag|bundle)\s+of\s+(?<n>\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CountOf();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"[\s.]+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesAndDots();
}
