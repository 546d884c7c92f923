using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace ProductSearch.Embedding;

/// <summary>
/// Runs a sentence-transformers ONNX export: our tokenizer, one ONNX Runtime session, the model's pooling,
/// prompts and normalization. Texts are sorted by length and padded per batch, so short titles are not padded
/// to the longest one. Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class OnnxSentenceEmbedder : ITextEmbedder, IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession _session;
    private readonly byte[]? _modelBytes; // the saved optimised graph whose weights the session uses in place
    private readonly EmbedderOptions _options;
    private readonly string[] _inputNames;
    private readonly bool _feedTokenTypes;
    private readonly string _outputName;
    private readonly bool _outputIsPooled;
    private readonly Lazy<string> _sha256;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly MemoryCache? _queryCache;

    private OnnxSentenceEmbedder(SentenceTransformerModel model, EmbedderOptions options, ILogger logger)
    {
        Model = model;
        _options = options;
        (_session, ActiveDevice, _modelBytes) = OnnxSessionFactory.Open(model.OnnxPath, options, logger);
        var inputs = _session.InputMetadata.Keys.ToArray();
        if (!inputs.Contains("input_ids"))
            throw new ModelLoadException($"'{model.OnnxPath}' has no 'input_ids' input (inputs: {string.Join(", ", inputs)}).");
        _feedTokenTypes = inputs.Contains("token_type_ids");
        _inputNames = _feedTokenTypes ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];

        (_outputName, _outputIsPooled) = ChooseOutput(_session, model.OnnxPath);
        var width = (int)_session.OutputMetadata[_outputName].Dimensions[^1];
        Dimensions = model.TruncateDimensions is { } truncate && truncate > 0 && (width <= 0 || truncate < width) ? truncate : width;
        if (Dimensions <= 0) Dimensions = Embed([string.Empty], EmbeddingPurpose.Document)[0].Length;
        _sha256 = new Lazy<string>(() => HashFile(model.OnnxPath));
        _metadata = new EmbeddingGeneratorMetadata("ProductSearch.OnnxRuntime", null, model.Name, Dimensions);
        // Shoppers repeat queries ("iphone case", "air fryer"): a repeat costs a dictionary lookup, not a model run.
        _queryCache = options.QueryCacheSize > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.QueryCacheSize, CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>Loads the model named in <paramref name="options"/> (built-in name or folder).</summary>
    /// <exception cref="ModelLoadException">The model cannot be found, read or started.</exception>
    public static OnnxSentenceEmbedder Create(EmbedderOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be positive.");
        var model = Resolve(options.Model, options.ModelCacheDirectory);
        return new OnnxSentenceEmbedder(model, options, logger ?? NullLogger.Instance);
    }

    /// <summary>Reads a built-in model (unpacking it on first use) or a model folder.</summary>
    public static SentenceTransformerModel Resolve(string nameOrFolder, string? cacheDirectory = null)
    {
        if (BuiltInModels.Find(nameOrFolder) is { } builtIn)
            return ModelFolderReader.Read(BuiltInModels.EnsureUnpacked(builtIn, cacheDirectory), builtIn.Name);
        if (Directory.Exists(nameOrFolder)) return ModelFolderReader.Read(nameOrFolder);
        throw new ModelLoadException(
            $"'{nameOrFolder}' is neither a built-in model ({string.Join(", ", BuiltInModels.All.Select(m => m.Name))}) nor a model folder.");
    }

    /// <summary>The model this embedder runs.</summary>
    public SentenceTransformerModel Model { get; }

    /// <inheritdoc />
    public string ModelName => Model.Name;

    /// <inheritdoc />
    public SimilarityFunction Similarity => Model.SimilarityFunction;

    /// <inheritdoc />
    public string ModelSha256 => _sha256.Value;

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public string ActiveDevice { get; }

    /// <summary>The ids the model is fed for <paramref name="text"/> (prompt and truncation applied).</summary>
    public int[] Tokenize(string text, EmbeddingPurpose purpose) =>
        Model.Tokenizer.Encode(PromptFor(purpose) + text, Model.MaxSequenceLength);

    /// <inheritdoc />
    /// <remarks>Single queries are answered from a least-recently-used cache when they repeat.</remarks>
    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 1 && purpose == EmbeddingPurpose.Query && _queryCache is not null)
        {
            var text = texts[0] ?? string.Empty;
            if (_queryCache.TryGetValue(text, out float[]? cached)) return [cached!];
            var vector = EmbedUncached(text, purpose);
            _queryCache.Set(text, vector, new MemoryCacheEntryOptions { Size = 1 });
            return [vector];
        }
        return EmbedBatched(texts, purpose, cancellationToken);
    }

    /// <summary>Embeds one text without the query cache (what a cache miss costs).</summary>
    public float[] EmbedUncached(string text, EmbeddingPurpose purpose) => EmbedBatched([text], purpose, CancellationToken.None)[0];

    private float[][] EmbedBatched(IReadOnlyList<string> texts, EmbeddingPurpose purpose, CancellationToken cancellationToken)
    {
        var prompt = PromptFor(purpose);
        // sentence-transformers masks the prompt out of pooling when include_prompt is false: [CLS] + its pieces.
        var skip = prompt.Length > 0 && !Model.PoolingIncludesPrompt ? Model.Tokenizer.CountPieces(prompt) + 1 : 0;
        var encoded = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++) encoded[i] = Model.Tokenizer.Encode(prompt + (texts[i] ?? string.Empty), Model.MaxSequenceLength);

        var result = new float[texts.Count][];
        if (texts.Count == 1)
        {
            // The query path: one text, nothing to sort or pad.
            RunBatch([0], encoded, skip, result);
            return result;
        }

        // Sorting by length means each batch is padded only to its own longest text, not the longest of all.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            RunBatch(batch, encoded, skip, result);
        }
        return result;
    }

    private void RunBatch(int[] batch, int[][] encoded, int skip, float[][] result)
    {
        var rows = batch.Length;
        var length = batch.Max(i => encoded[i].Length);
        var cells = rows * length;
        // Input buffers come from the shared pool: batches of every shape reuse the same few arrays.
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = _feedTokenTypes ? ArrayPool<long>.Shared.Rent(cells) : null;
        try
        {
            for (var r = 0; r < rows; r++)
            {
                var tokens = encoded[batch[r]];
                var row = r * length;
                for (var t = 0; t < tokens.Length; t++) ids[row + t] = tokens[t];
                mask.AsSpan(row, tokens.Length).Fill(1);
                ids.AsSpan(row + tokens.Length, length - tokens.Length).Fill(Model.Tokenizer.PaddingId);
                mask.AsSpan(row + tokens.Length, length - tokens.Length).Clear();
            }
            types?.AsSpan(0, cells).Clear();
            RunAndPool(batch, encoded, skip, result, rows, length, ids, mask, types);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            if (types is not null) ArrayPool<long>.Shared.Return(types);
        }
    }

    private void RunAndPool(int[] batch, int[][] encoded, int skip, float[][] result, int rows, int length, long[] ids, long[] mask, long[]? types)
    {
        long[] shape = [rows, length];
        var cells = rows * length;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, cells), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, cells), shape);
        using var typesValue = types is null ? null : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types.AsMemory(0, cells), shape);
        OrtValue[] inputs = typesValue is null ? [idsValue, maskValue] : [idsValue, maskValue, typesValue];

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, inputs, [_outputName]);
        var output = outputs[0];
        var data = output.GetTensorDataAsSpan<float>();
        var outShape = output.GetTensorTypeAndShape().Shape;
        var hidden = (int)outShape[^1];
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[hidden];
            if (_outputIsPooled)
                data.Slice(r * hidden, hidden).CopyTo(vector);
            else
                TokenPooling.Pool(Model.Pooling, data.Slice(r * length * hidden, length * hidden), hidden,
                    encoded[batch[r]].Length, Math.Min(skip, encoded[batch[r]].Length - 1), vector);
            if (Model.Normalize) TokenPooling.Normalize(vector); // idempotent on an already-normalized pooled output
            result[batch[r]] = hidden > Dimensions ? vector[..Dimensions] : vector;
        }
    }

    private string PromptFor(EmbeddingPurpose purpose) => purpose == EmbeddingPurpose.Query
        ? _options.QueryPrompt ?? Model.PromptFor(purpose)
        : _options.DocumentPrompt ?? Model.PromptFor(purpose);

    /// <summary>
    /// The output to read: <c>sentence_embedding</c> (already pooled) when the graph has it, else
    /// <c>token_embeddings</c> or <c>last_hidden_state</c>, else the first three-dimensional output.
    /// </summary>
    private static (string Name, bool Pooled) ChooseOutput(InferenceSession session, string path)
    {
        var outputs = session.OutputMetadata;
        if (outputs.ContainsKey("sentence_embedding")) return ("sentence_embedding", true);
        foreach (var name in new[] { "token_embeddings", "last_hidden_state" })
            if (outputs.ContainsKey(name)) return (name, false);
        var first3d = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 3).Key;
        return first3d is not null ? (first3d, false)
            : throw new ModelLoadException($"'{path}' has no sentence_embedding, token_embeddings, last_hidden_state or other 3-D output.");
    }

    private static string HashFile(string path)
    {
        var sidecar = path + ".sha256";
        if (File.Exists(sidecar)) return File.ReadAllText(sidecar).Trim();
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        var vectors = Embed(texts, EmbeddingPurpose.Document, cancellationToken);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v)
        {
            ModelId = Model.Name,
            CreatedAt = DateTimeOffset.UtcNow,
        }));
        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        GC.KeepAlive(_modelBytes); // not collected while the session above could still read it
        _queryCache?.Dispose();
    }
}
