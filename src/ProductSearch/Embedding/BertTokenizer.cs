using System.Globalization;
using System.Text;

namespace ProductSearch.Embedding;

/// <summary>
/// BERT WordPiece tokenization that gives the ids Hugging Face's <c>BertTokenizerFast</c> gives:
/// special tokens typed in the text, <see cref="BertNormalizer"/>, BERT pre-tokenization (whitespace and
/// punctuation), greedy longest-match WordPiece, <c>[CLS] … [SEP]</c> and right truncation of the word pieces.
/// </summary>
/// <remarks>Thread-safe: it holds no mutable state.</remarks>
public sealed class BertTokenizer
{
    private readonly BertTokenizerOptions _options;
    private readonly string[] _specialTokens;
    private readonly Dictionary<string, int> _specialIds = new(StringComparer.Ordinal);

    /// <summary>Creates a tokenizer over a vocabulary.</summary>
    public BertTokenizer(WordPieceVocabulary vocabulary, BertTokenizerOptions? options = null)
    {
        Vocabulary = vocabulary;
        _options = options ?? new BertTokenizerOptions();
        UnknownId = RequireId(_options.UnknownToken);
        ClassifierId = RequireId(_options.ClassifierToken);
        SeparatorId = RequireId(_options.SeparatorToken);
        PaddingId = vocabulary.IdOf(_options.PaddingToken) ?? 0;
        var specials = _options.SpecialTokens
            ?? new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }.Where(t => vocabulary.IdOf(t) is not null).ToArray();
        foreach (var token in specials)
        {
            if (vocabulary.IdOf(token) is { } id) _specialIds[token] = id;
        }
        // Longest first, so that a leftmost match is also the longest one (Hugging Face: LeftmostLongest).
        _specialTokens = _specialIds.Keys.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The vocabulary.</summary>
    public WordPieceVocabulary Vocabulary { get; }

    /// <summary>Id of the unknown token.</summary>
    public int UnknownId { get; }

    /// <summary>Id of <c>[CLS]</c>.</summary>
    public int ClassifierId { get; }

    /// <summary>Id of <c>[SEP]</c>.</summary>
    public int SeparatorId { get; }

    /// <summary>Id of the padding token.</summary>
    public int PaddingId { get; }

    /// <summary>
    /// Tokenizes <paramref name="text"/> into ids with <c>[CLS]</c> and <c>[SEP]</c>, keeping at most
    /// <paramref name="maxLength"/> ids in all (the word pieces are cut, never the specials), as
    /// sentence-transformers' <c>truncation='longest_first'</c> does for a single text.
    /// </summary>
    public int[] Encode(string text, int maxLength = int.MaxValue)
    {
        if (maxLength < 2) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must leave room for [CLS] and [SEP].");
        var ids = new List<int>(Math.Min(text.Length / 3 + 4, 1024)) { ClassifierId };
        var budget = maxLength - 2;
        AppendPieces(text ?? string.Empty, ids, budget);
        ids.Add(SeparatorId);
        return ids.ToArray();
    }

    /// <summary>Counts the word pieces of <paramref name="text"/> (without specials), stopping at <paramref name="limit"/>.</summary>
    public int CountPieces(string text, int limit = int.MaxValue)
    {
        var ids = new List<int>();
        AppendPieces(text, ids, limit);
        return ids.Count;
    }

    private void AppendPieces(string text, List<int> ids, int budget)
    {
        var start = ids.Count;
        var position = 0;
        while (position < text.Length && ids.Count - start < budget)
        {
            var (matchAt, token) = FindSpecial(text, position);
            var segmentEnd = matchAt < 0 ? text.Length : matchAt;
            if (segmentEnd > position) AppendSegment(text[position..segmentEnd], ids, start, budget);
            if (matchAt < 0) break;
            if (ids.Count - start < budget) ids.Add(_specialIds[token!]);
            position = matchAt + token!.Length;
        }
    }

    /// <summary>The leftmost special token at or after <paramref name="from"/>; the longest one where several start there.</summary>
    private (int Index, string? Token) FindSpecial(string text, int from)
    {
        var best = (Index: -1, Token: (string?)null);
        foreach (var token in _specialTokens) // longest first, so a tie keeps the longest
        {
            var at = text.IndexOf(token, from, StringComparison.Ordinal);
            if (at >= 0 && (best.Index < 0 || at < best.Index)) best = (at, token);
        }
        return best;
    }

    private void AppendSegment(string segment, List<int> ids, int start, int budget)
    {
        var normalized = BertNormalizer.Normalize(segment, _options.Normalizer);
        var word = new StringBuilder();
        foreach (var rune in BertNormalizer.EnumerateRunes(normalized))
        {
            if (ids.Count - start >= budget) return;
            if (BertNormalizer.IsWhitespace(rune))
            {
                FlushWord(word, ids, start, budget);
            }
            else if (IsPunctuation(rune))
            {
                FlushWord(word, ids, start, budget);
                word.Append(rune.ToString());
                FlushWord(word, ids, start, budget);
            }
            else
            {
                word.Append(rune.ToString());
            }
        }
        FlushWord(word, ids, start, budget);
    }

    private void FlushWord(StringBuilder word, List<int> ids, int start, int budget)
    {
        if (word.Length == 0) return;
        var text = word.ToString();
        word.Clear();
        foreach (var id in WordPiece(text))
        {
            if (ids.Count - start >= budget) return;
            ids.Add(id);
        }
    }

    /// <summary>Greedy longest-match-first WordPiece; a word with any unmatched rest becomes one unknown token.</summary>
    private IEnumerable<int> WordPiece(string word)
    {
        var boundaries = RuneBoundaries(word);
        var runeCount = boundaries.Length - 1;
        if (runeCount > _options.MaxInputCharsPerWord) return [UnknownId];

        var pieces = new List<int>(4);
        var startRune = 0;
        while (startRune < runeCount)
        {
            var found = -1;
            var endRune = runeCount;
            for (; endRune > startRune; endRune--)
            {
                var span = word.AsSpan(boundaries[startRune], boundaries[endRune] - boundaries[startRune]);
                var lookup = startRune == 0 ? Vocabulary.WordStarts : Vocabulary.Continuations;
                if (lookup.TryGetValue(span, out var id)) { found = id; break; }
            }
            if (found < 0) return [UnknownId];
            pieces.Add(found);
            startRune = endRune;
        }
        return pieces;
    }

    private static int[] RuneBoundaries(string word)
    {
        var boundaries = new List<int>(word.Length + 1) { 0 };
        var index = 0;
        while (index < word.Length)
        {
            index += char.IsHighSurrogate(word[index]) && index + 1 < word.Length && char.IsLowSurrogate(word[index + 1]) ? 2 : 1;
            boundaries.Add(index);
        }
        return boundaries.ToArray();
    }

    /// <summary>BERT's punctuation: every ASCII punctuation or symbol character, and Unicode's P* categories.</summary>
    private static bool IsPunctuation(Rune rune)
    {
        var value = rune.Value;
        if (value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)) return true;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private int RequireId(string token) => Vocabulary.IdOf(token)
        ?? throw new InvalidDataException($"The vocabulary has no '{token}' token.");
}
