using System.Text.Json;

namespace ProductSearch.Tests.Support;

/// <summary>
/// A model folder laid out as sentence-transformers exports nomic-embed-text-v1.5 (ONNX under <c>onnx/</c>,
/// <c>tokenizer.json</c>, <c>modules.json</c>, pooling config, prompts <c>search_query: </c> /
/// <c>search_document: </c>, max_seq_length 8192), with the tiny graph of <see cref="TinyOnnxGraph"/> as weights.
/// </summary>
internal sealed class NomicLikeModelFolder
{
    public const int Hidden = 768;

    public static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "search", "_", "query", "document", ":", "girls", "white", "shoes", "shoe", "##s", "red", "phone", "case", "kitchen", "towel",
    ];

    public NomicLikeModelFolder(string path, bool includePrompt = true, bool normalize = true, int? truncateDim = null, int maxSeqLength = 8192, string similarity = "cosine")
    {
        Path = path;
        Table = Vocabulary.Select((_, id) => Enumerable.Range(0, Hidden).Select(d => (float)Math.Sin(0.37 * id + 0.011 * d * (id + 1))).ToArray()).ToArray();
        TinyOnnxGraph.Write(System.IO.Path.Combine(path, "onnx", "model.onnx"), Table);

        var modules = new List<object>
        {
            new { idx = 0, name = "0", path = "", type = "sentence_transformers.models.Transformer" },
            new { idx = 1, name = "1", path = "1_Pooling", type = "sentence_transformers.models.Pooling" },
        };
        if (normalize) modules.Add(new { idx = 2, name = "2", path = "2_Normalize", type = "sentence_transformers.models.Normalize" });
        Write("modules.json", modules);
        Write("sentence_bert_config.json", new { max_seq_length = maxSeqLength, do_lower_case = false });
        Write("1_Pooling/config.json", new Dictionary<string, object>
        {
            ["word_embedding_dimension"] = Hidden,
            ["pooling_mode_cls_token"] = false,
            ["pooling_mode_mean_tokens"] = true,
            ["pooling_mode_max_tokens"] = false,
            ["pooling_mode_mean_sqrt_len_tokens"] = false,
            ["pooling_mode_weightedmean_tokens"] = false,
            ["pooling_mode_lasttoken"] = false,
            ["include_prompt"] = includePrompt,
        });
        var stConfig = new Dictionary<string, object?>
        {
            ["prompts"] = new Dictionary<string, string>
            {
                ["search_query"] = "search_query: ",
                ["search_document"] = "search_document: ",
                ["classification"] = "classification: ",
                ["clustering"] = "clustering: ",
            },
            ["default_prompt_name"] = null,
            ["similarity_fn_name"] = similarity,
        };
        if (truncateDim is { } dim) stConfig["truncate_dim"] = dim;
        Write("config_sentence_transformers.json", stConfig);
        Write("config.json", new { model_type = "nomic_bert", n_embd = Hidden, vocab_size = Vocabulary.Length });
        Write("tokenizer.json", TokenizerJson());
    }

    public string Path { get; }

    public float[][] Table { get; }

    public int IdOf(string piece) => Array.IndexOf(Vocabulary, piece);

    private static object TokenizerJson() => new Dictionary<string, object?>
    {
        ["version"] = "1.0",
        ["truncation"] = null,
        ["padding"] = null,
        ["added_tokens"] = Vocabulary.Take(5).Select((t, id) => new { id, content = t, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true }),
        ["normalizer"] = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = true },
        ["pre_tokenizer"] = new { type = "BertPreTokenizer" },
        ["post_processor"] = new Dictionary<string, object>
        {
            ["type"] = "TemplateProcessing",
            ["single"] = new object[]
            {
                new { SpecialToken = new { id = "[CLS]", type_id = 0 } },
                new { Sequence = new { id = "A", type_id = 0 } },
                new { SpecialToken = new { id = "[SEP]", type_id = 0 } },
            },
        },
        ["model"] = new Dictionary<string, object>
        {
            ["type"] = "WordPiece",
            ["unk_token"] = "[UNK]",
            ["continuing_subword_prefix"] = "##",
            ["max_input_chars_per_word"] = 100,
            ["vocab"] = Vocabulary.Select((t, id) => (t, id)).ToDictionary(p => p.t, p => p.id),
        },
    };

    private void Write(string relative, object value)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(value));
    }
}
