using System.Globalization;
using System.Text;

namespace ProductSearch.Embedding;

/// <summary>
/// A port of Hugging Face <c>tokenizers</c>' <c>BertNormalizer</c> (Rust), character for character.
/// </summary>
/// <remarks>
/// Why hand-written: Microsoft.ML.Tokenizers' BertTokenizer gave other ids than Hugging Face on 180 of the 975
/// golden texts (it drops <c>$ + ~ ™ ½</c> and emoji) and FastBertTokenizer 1.2.6 on 9 (control and format
/// characters, words over 100 characters, special tokens typed in the text, CJK beyond the BMP). Search quality
/// rests on feeding the model exactly the ids it was trained on, so we follow the reference's rules here:
/// clean text, then Chinese characters, then accents, then lowercase, in that order.
/// </remarks>
internal static class BertNormalizer
{
    /// <summary>Normalizes <paramref name="text"/> the way the reference does before pre-tokenization.</summary>
    public static string Normalize(string text, BertNormalizerOptions options)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in EnumerateRunes(text))
        {
            if (options.CleanText)
            {
                if (rune.Value == 0 || rune.Value == 0xFFFD || IsControl(rune)) continue;
                if (IsWhitespace(rune)) { builder.Append(' '); continue; }
            }
            if (options.HandleChineseChars && IsChineseChar(rune.Value))
            {
                builder.Append(' ');
                builder.Append(rune.ToString());
                builder.Append(' ');
                continue;
            }
            builder.Append(rune.ToString());
        }

        var result = builder.ToString();
        if (options.EffectiveStripAccents) result = StripAccents(result);
        if (options.Lowercase) result = Lowercase(result);
        return result;
    }

    /// <summary>Splits into Unicode scalar values; a lone surrogate becomes U+FFFD instead of throwing.</summary>
    public static IEnumerable<Rune> EnumerateRunes(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            yield return status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;
            index += Math.Max(consumed, 1);
        }
    }

    /// <summary>Rust's <c>char::is_whitespace</c>, plus tab, newline and carriage return.</summary>
    public static bool IsWhitespace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>
    /// The reference's <c>is_control</c>: control, format and private-use characters other than tab, newline and
    /// carriage return. Unassigned code points are kept (the golden ids show it: <c>c\u0378d</c> stays one word).
    /// </summary>
    private static bool IsControl(Rune rune)
    {
        if (rune.Value is '\t' or '\n' or '\r') return false;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
    }

    /// <summary>The CJK ideograph blocks BERT splits per character (Katakana and Hangul are not among them).</summary>
    private static bool IsChineseChar(int codePoint) => codePoint is
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or
        (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B920 and <= 0x2CEAF) or
        (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private static string StripAccents(string text)
    {
        // .NET refuses to normalize a string holding the noncharacter U+FFFE (an ArgumentException a query could
        // trigger); the reference decomposes it to itself. Normalize around it, keeping it where it was.
        var decomposed = text.Contains('\uFFFE')
            ? string.Join('\uFFFE', text.Split('\uFFFE').Select(part => part.Normalize(NormalizationForm.FormD)))
            : text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in EnumerateRunes(decomposed))
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark) builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string Lowercase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in EnumerateRunes(text))
        {
            // Rust lowercases per character; U+0130 is the one simple mapping that expands ("i" + combining dot).
            if (rune.Value == 0x130) builder.Append("i\u0307");
            else builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return builder.ToString();
    }
}
