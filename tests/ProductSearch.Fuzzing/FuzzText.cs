using System.Text;

namespace ProductSearch.Fuzzing;

/// <summary>
/// Hostile text for every surface: words, Lucene syntax, Unicode of every kind (combining marks, right-to-left,
/// emoji, lone surrogates, noncharacters), control characters, very long strings and very many terms.
/// </summary>
public static class FuzzText
{
    private static readonly string[] Words =
        ["shoes", "girls", "white", "phone", "case", "iphone", "12\"", "pipe", "3/4", "led", "usb-c", "men's", "a", "the", "and", "not", "without", "x", "über", "café", "日本", "ñandú"];

    private static readonly string[] LuceneSyntax =
        ["title:(a AND", "*", "?", "\"", "~", "~2", "^3", "\\", "+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "TO", "/regex/", ":", "field:value", "NOT", "OR", "AND", "*:*", "a*b?c"];

    private static readonly string[] Unicode =
        ["\u0301", "\u200D", "\u202E", "\uFEFF", "\u0000", "\u001B[31m", "\uD83D\uDE00", "\uD800", "\uDC00", "\uFFFF", "\uFFFE", "\u00A0", "\u2028", "\u3000", "ß", "İ", "ﬁ", "Ⅻ", "٣", "\u0130", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "שלום", "مرحبا", "\r\n", "\t"];

    /// <summary>A query: mostly short and plausible, sometimes hostile, sometimes huge (100 KB) or of thousands of terms.</summary>
    public static string Query(Random random) => random.Next(20) switch
    {
        0 => new string('a', 100_000),
        1 => string.Join(' ', Enumerable.Range(0, random.Next(300, 5000)).Select(i => $"t{i}")),
        2 => string.Join(' ', Enumerable.Range(0, random.Next(1, 400)).Select(_ => Pick(random, LuceneSyntax))),
        3 => RandomChars(random, random.Next(1, 200)),
        4 => string.Concat(Enumerable.Range(0, random.Next(1, 50)).Select(_ => Pick(random, Unicode))),
        _ => Phrase(random, random.Next(1, 8)),
    };

    /// <summary>A few words with the occasional hostile piece among them.</summary>
    public static string Phrase(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => random.Next(6) switch
    {
        0 => Pick(random, LuceneSyntax),
        1 => Pick(random, Unicode),
        _ => Pick(random, Words),
    }));

    /// <summary>A value for a text field: usually a phrase, sometimes empty, blank, huge or made of any characters.</summary>
    public static string Value(Random random) => random.Next(25) switch
    {
        0 => "",
        1 => "   ",
        2 => new string((char)random.Next('a', 'z' + 1), random.Next(1_000, 60_000)),
        3 => RandomChars(random, random.Next(1, 80)),
        _ => Phrase(random, random.Next(1, 6)),
    };

    /// <summary>A number as a catalog writes it: plain, huge, negative, not finite, with a currency sign, or not a number at all.</summary>
    public static string Number(Random random) => Pick(random,
    [
        "19.99", "0", "-4.5", "1e400", "-1e400", "1e30", "NaN", "Infinity", "$1,299.00", "€12", "cheap", "", " ", "2.5", "3", "4.7", "5.1",
        "2147483648", "99999999999999999999999999999", "0x10", "1_000", "١٢", random.Next(-100, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ]);

    /// <summary>Any characters, control characters and lone surrogates included.</summary>
    public static string RandomChars(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++) builder.Append((char)(random.Next(4) == 0 ? random.Next(0, 0x20) : random.Next(0x20, 0xFFFF)));
        return builder.ToString();
    }

    /// <summary>One of <paramref name="items"/>.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
