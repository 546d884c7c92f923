namespace ProductSearch.Embedding;

/// <summary>A WordPiece vocabulary (<c>vocab.txt</c>: one piece a line, the line number is the id).</summary>
public sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int> _wordStarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _continuations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _all = new(StringComparer.Ordinal);
    private readonly string[] _pieces;

    private WordPieceVocabulary(IReadOnlyList<string> pieces, string continuationPrefix)
    {
        _pieces = pieces.ToArray();
        ContinuationPrefix = continuationPrefix;
        for (var id = 0; id < _pieces.Length; id++)
        {
            var piece = _pieces[id];
            _all.TryAdd(piece, id);
            if (piece.StartsWith(continuationPrefix, StringComparison.Ordinal) && piece.Length > continuationPrefix.Length)
                _continuations.TryAdd(piece[continuationPrefix.Length..], id);
            else
                _wordStarts.TryAdd(piece, id);
        }
        WordStarts = _wordStarts.GetAlternateLookup<ReadOnlySpan<char>>();
        Continuations = _continuations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of pieces.</summary>
    public int Count => _pieces.Length;

    /// <summary>The prefix that marks a piece continuing a word (<c>##</c> for BERT).</summary>
    public string ContinuationPrefix { get; }

    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordStarts { get; }

    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Continuations { get; }

    /// <summary>The id of a piece written as in the vocabulary file, or <c>null</c>.</summary>
    public int? IdOf(string piece) => _all.TryGetValue(piece, out var id) ? id : null;

    /// <summary>Reads a <c>vocab.txt</c>; CRLF and LF line ends are both accepted.</summary>
    public static WordPieceVocabulary Load(TextReader reader, string continuationPrefix = "##")
    {
        var pieces = new List<string>(32_000);
        while (reader.ReadLine() is { } line) pieces.Add(line.TrimEnd('\r'));
        // A trailing empty line is a file ending, not a piece.
        while (pieces.Count > 0 && pieces[^1].Length == 0) pieces.RemoveAt(pieces.Count - 1);
        if (pieces.Count == 0) throw new InvalidDataException("The vocabulary is empty.");
        return new WordPieceVocabulary(pieces, continuationPrefix);
    }

    /// <summary>Builds a vocabulary from a piece → id map (as <c>tokenizer.json</c>'s <c>model.vocab</c> holds it).</summary>
    public static WordPieceVocabulary FromMap(IReadOnlyDictionary<string, int> map, string continuationPrefix = "##")
    {
        var pieces = new string[map.Count == 0 ? 0 : map.Values.Max() + 1];
        Array.Fill(pieces, string.Empty);
        foreach (var (piece, id) in map) pieces[id] = piece;
        if (pieces.Length == 0) throw new InvalidDataException("The vocabulary is empty.");
        return new WordPieceVocabulary(pieces, continuationPrefix);
    }
}
