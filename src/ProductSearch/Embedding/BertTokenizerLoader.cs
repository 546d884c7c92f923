using System.Text.Json;

namespace ProductSearch.Embedding;

/// <summary>
/// Builds a <see cref="BertTokenizer"/> from a model folder: <c>tokenizer.json</c> when present (its
/// <c>BertNormalizer</c>, WordPiece vocabulary and added special tokens), else <c>vocab.txt</c> with
/// <c>tokenizer_config.json</c>'s casing switches.
/// </summary>
internal static class BertTokenizerLoader
{
    public static BertTokenizer Load(string directory, bool? doLowerCase)
    {
        var tokenizerJson = Path.Combine(directory, "tokenizer.json");
        if (File.Exists(tokenizerJson)) return FromTokenizerJson(directory, tokenizerJson);
        var vocabPath = Path.Combine(directory, "vocab.txt");
        if (!File.Exists(vocabPath))
            throw new ModelLoadException($"Model folder '{directory}' has neither 'tokenizer.json' nor 'vocab.txt'.");

        using var config = ModelFolderReader.ReadJson(directory, "tokenizer_config.json");
        bool? Flag(string key) => config is not null && config.RootElement.TryGetProperty(key, out var v)
            && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        var normalizer = new BertNormalizerOptions
        {
            Lowercase = Flag("do_lower_case") ?? doLowerCase ?? true,
            StripAccents = Flag("strip_accents"),
            HandleChineseChars = Flag("tokenize_chinese_chars") ?? true,
        };
        using var reader = new StreamReader(vocabPath);
        return new BertTokenizer(WordPieceVocabulary.Load(reader), new BertTokenizerOptions { Normalizer = normalizer });
    }

    private static BertTokenizer FromTokenizerJson(string directory, string path)
    {
        using var json = ModelFolderReader.ReadJson(directory, "tokenizer.json")!;
        var root = json.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.GetProperty("type").GetString() != "WordPiece")
            throw new ModelLoadException($"'{path}' is not a WordPiece tokenizer; this engine runs BERT-family (WordPiece) models.");

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in model.GetProperty("vocab").EnumerateObject()) vocab[entry.Name] = entry.Value.GetInt32();
        var prefix = model.TryGetProperty("continuing_subword_prefix", out var cp) && cp.ValueKind == JsonValueKind.String ? cp.GetString()! : "##";
        var unk = model.TryGetProperty("unk_token", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "[UNK]";
        var maxChars = model.TryGetProperty("max_input_chars_per_word", out var mc) && mc.ValueKind == JsonValueKind.Number ? mc.GetInt32() : 100;

        var normalizer = new BertNormalizerOptions();
        if (root.TryGetProperty("normalizer", out var n) && n.ValueKind == JsonValueKind.Object)
        {
            var type = n.GetProperty("type").GetString();
            if (type != "BertNormalizer")
                throw new ModelLoadException($"'{path}' uses normalizer '{type}'; only BertNormalizer is supported.");
            bool? Flag(string key) => n.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            normalizer = new BertNormalizerOptions
            {
                CleanText = Flag("clean_text") ?? true,
                HandleChineseChars = Flag("handle_chinese_chars") ?? true,
                StripAccents = Flag("strip_accents"),
                Lowercase = Flag("lowercase") ?? true,
            };
        }

        var specials = new List<string>();
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                var content = token.GetProperty("content").GetString()!;
                specials.Add(content);
                vocab.TryAdd(content, token.GetProperty("id").GetInt32());
            }
        }
        var (cls, sep) = ReadTemplateSpecials(root);
        return new BertTokenizer(WordPieceVocabulary.FromMap(vocab, prefix), new BertTokenizerOptions
        {
            Normalizer = normalizer,
            UnknownToken = unk,
            MaxInputCharsPerWord = maxChars,
            SpecialTokens = specials,
            ClassifierToken = cls,
            SeparatorToken = sep,
        });
    }

    /// <summary>The tokens of a <c>[CLS] $A [SEP]</c> template (BertProcessing or TemplateProcessing).</summary>
    private static (string Cls, string Sep) ReadTemplateSpecials(JsonElement root)
    {
        if (!root.TryGetProperty("post_processor", out var post) || post.ValueKind != JsonValueKind.Object) return ("[CLS]", "[SEP]");
        if (post.TryGetProperty("cls", out var cls) && post.TryGetProperty("sep", out var sep))
            return (cls[0].GetString()!, sep[0].GetString()!);
        if (post.TryGetProperty("single", out var single) && single.ValueKind == JsonValueKind.Array && single.GetArrayLength() >= 3)
        {
            string? Special(JsonElement e) => e.TryGetProperty("SpecialToken", out var s) ? s.GetProperty("id").GetString() : null;
            return (Special(single[0]) ?? "[CLS]", Special(single[single.GetArrayLength() - 1]) ?? "[SEP]");
        }
        return ("[CLS]", "[SEP]");
    }
}
