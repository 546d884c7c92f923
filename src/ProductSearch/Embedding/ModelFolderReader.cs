using System.Text.Json;

namespace ProductSearch.Embedding;

/// <summary>
/// Reads a sentence-transformers model folder as sentence-transformers or optimum export it:
/// <c>model.onnx</c> (or <c>onnx/model.onnx</c>), <c>tokenizer.json</c> and/or <c>vocab.txt</c>,
/// <c>modules.json</c>, <c>sentence_bert_config.json</c>, <c>1_Pooling/config.json</c> and
/// <c>config_sentence_transformers.json</c>. Files that only tune behaviour are optional and have the
/// defaults sentence-transformers uses; the graph and a vocabulary are required.
/// </summary>
public static class ModelFolderReader
{
    /// <summary>Reads the folder at <paramref name="directory"/>.</summary>
    /// <exception cref="ModelLoadException">A required file is missing or a config file is malformed.</exception>
    public static SentenceTransformerModel Read(string directory, string? name = null)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new ModelLoadException($"Model folder '{directory}' does not exist.");
        var onnx = FirstExisting(directory, "model.onnx", Path.Combine("onnx", "model.onnx"))
            ?? throw new ModelLoadException($"Model folder '{directory}' has no 'model.onnx' (nor 'onnx/model.onnx').");

        var modules = ReadModules(directory);
        var poolingDir = modules.PoolingPath is null ? null : Path.Combine(directory, modules.PoolingPath);
        var pooling = ReadPooling(directory, poolingDir);
        using var stConfig = ReadJson(directory, "sentence_bert_config.json");
        using var promptsConfig = ReadJson(directory, "config_sentence_transformers.json");

        var doLowerCase = TryBool(stConfig, "do_lower_case");
        var tokenizer = BertTokenizerLoader.Load(directory, doLowerCase);
        var maxLength = TryInt(stConfig, "max_seq_length") ?? 512;

        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        string? defaultPrompt = null;
        var similarity = "cosine";
        int? truncateDim = null;
        if (promptsConfig is not null)
        {
            var root = promptsConfig.RootElement;
            if (root.TryGetProperty("prompts", out var p) && p.ValueKind == JsonValueKind.Object)
                foreach (var prompt in p.EnumerateObject())
                    if (prompt.Value.ValueKind == JsonValueKind.String) prompts[prompt.Name] = prompt.Value.GetString()!;
            if (root.TryGetProperty("default_prompt_name", out var d) && d.ValueKind == JsonValueKind.String) defaultPrompt = d.GetString();
            if (root.TryGetProperty("similarity_fn_name", out var s) && s.ValueKind == JsonValueKind.String) similarity = s.GetString()!;
            truncateDim = TryInt(promptsConfig, "truncate_dim");
        }
        var similarityFunction = SimilarityFunctions.Parse(similarity) ?? throw new ModelLoadException(
            $"'config_sentence_transformers.json' in model folder '{directory}' names similarity '{similarity}'; this engine serves cosine, dot and euclidean.");

        return new SentenceTransformerModel
        {
            Name = name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))),
            Directory = Path.GetFullPath(directory),
            OnnxPath = onnx,
            Tokenizer = tokenizer,
            MaxSequenceLength = maxLength,
            Pooling = pooling.Mode,
            PoolingIncludesPrompt = pooling.IncludePrompt,
            // Without modules.json we cannot know; normalized output is what every search model we know uses.
            Normalize = modules.HasNormalize ?? true,
            Prompts = prompts,
            DefaultPromptName = defaultPrompt,
            SimilarityFunction = similarityFunction,
            TruncateDimensions = truncateDim,
        };
    }

    private sealed record Modules(string? PoolingPath, bool? HasNormalize);

    private static Modules ReadModules(string directory)
    {
        using var json = ReadJson(directory, "modules.json");
        if (json is null) return new Modules("1_Pooling", null);
        if (json.RootElement.ValueKind != JsonValueKind.Array)
            throw new ModelLoadException($"'modules.json' in '{directory}' is not a JSON array of modules.");
        string? pooling = null;
        var normalize = false;
        foreach (var module in json.RootElement.EnumerateArray())
        {
            var type = module.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            var path = module.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
            if (type.EndsWith(".Pooling", StringComparison.Ordinal)) pooling = path;
            else if (type.EndsWith(".Normalize", StringComparison.Ordinal)) normalize = true;
        }
        return new Modules(pooling, normalize);
    }

    private static (PoolingMode Mode, bool IncludePrompt) ReadPooling(string directory, string? poolingDir)
    {
        if (poolingDir is null) return (PoolingMode.Mean, true);
        using var json = ReadJson(poolingDir, "config.json");
        if (json is null) return (PoolingMode.Mean, true);
        var root = json.RootElement;
        bool Flag(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;
        var includePrompt = !root.TryGetProperty("include_prompt", out var ip) || ip.ValueKind != JsonValueKind.False;
        PoolingMode mode;
        if (Flag("pooling_mode_cls_token")) mode = PoolingMode.Cls;
        else if (Flag("pooling_mode_mean_tokens")) mode = PoolingMode.Mean;
        else if (Flag("pooling_mode_max_tokens")) mode = PoolingMode.Max;
        else if (Flag("pooling_mode_mean_sqrt_len_tokens")) mode = PoolingMode.MeanSqrtLength;
        else if (Flag("pooling_mode_weightedmean_tokens")) mode = PoolingMode.WeightedMean;
        else if (Flag("pooling_mode_lasttoken")) mode = PoolingMode.LastToken;
        else throw new ModelLoadException($"'{Path.Combine(poolingDir, "config.json")}' names no pooling mode this engine supports.");
        return (mode, includePrompt);
    }

    internal static JsonDocument? ReadJson(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"'{file}' in model folder '{directory}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string? FirstExisting(string directory, params string[] names) =>
        names.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static int? TryInt(JsonDocument? json, string key) =>
        json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(key, out var v)
        && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static bool? TryBool(JsonDocument? json, string key) =>
        json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(key, out var v)
        && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
