using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ProductSearch.Embedding;

/// <summary>
/// Opens an ONNX Runtime session on the asked-for device, falling back from CUDA to CPU under <c>auto</c>. A CPU
/// session of a model with a SHA-256 sidecar loads its optimised graph from <see cref="OptimizedModelCache"/> (saving it
/// there the first time); the bytes returned with such a session back its weights and must live as long as it.
/// </summary>
internal static class OnnxSessionFactory
{
    private static int _fallbackReported;

    public static (InferenceSession Session, string Device, byte[]? ModelBytes) Open(string onnxPath, EmbedderOptions options, ILogger logger)
    {
        var device = options.Device;
        if (device.Kind != ComputeDeviceKind.Cpu)
        {
            // ONNX Runtime prints its own red error when the CUDA provider cannot load; we report that in one
            // line of ours instead, so its native logger is quiet for the attempt.
            var environment = OrtEnv.Instance();
            var previousLevel = environment.EnvLogLevel;
            environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                using var cudaOptions = CreateOptions(options);
                cudaOptions.AppendExecutionProvider_CUDA(device.DeviceId);
                return (Create(onnxPath, cudaOptions), $"cuda:{device.DeviceId}", null);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                if (device.Kind == ComputeDeviceKind.Cuda)
                    throw new ModelLoadException($"CUDA device {device.DeviceId} could not start: {ex.Message}", ex);
                // Said once per process (a CLI run may open two sessions: index, then search), and as a debug note:
                // under 'auto' a machine without a GPU is the expected case, and ActiveDevice says "cpu" anyway.
                if (Interlocked.Exchange(ref _fallbackReported, 1) == 0)
                    logger.LogDebug("CUDA is not available ({Reason}); running the model on CPU.", FirstLine(ex.Message));
            }
            finally
            {
                environment.EnvLogLevel = previousLevel;
            }
        }
        var cache = OptimizedModelCache.For(onnxPath, options.ModelCacheDirectory ?? BuiltInModels.DefaultCacheDirectory, OptimizationLevel, logger);
        if (cache?.TryRead() is { } saved)
        {
            using var savedOptions = CreateOptions(options);
            savedOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL; // optimised when it was saved
            savedOptions.AddSessionConfigEntry("session.use_ort_model_bytes_directly", "1");
            savedOptions.AddSessionConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
            try
            {
                return (new InferenceSession(saved, savedOptions), "cpu", saved);
            }
            catch (OnnxRuntimeException ex)
            {
                cache.Discard($"ONNX Runtime refused it: {FirstLine(ex.Message)}");
            }
        }
        if (cache?.TryNewStagingPath() is { } staging)
        {
            using var savingOptions = CreateOptions(options);
            savingOptions.OptimizedModelFilePath = staging;
            // Saving at the highest level makes ONNX Runtime warn that the file may be hardware-specific; the cache key
            // holds the processor for that reason, so the warning says nothing new here.
            savingOptions.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                var session = new InferenceSession(onnxPath, savingOptions);
                cache.Commit(staging);
                return (session, "cpu", null);
            }
            catch (OnnxRuntimeException ex)
            {
                // Saving failed (a full disk, say) or the model itself is bad: the plain load below says which.
                cache.Abandon(staging, FirstLine(ex.Message));
            }
        }
        using var cpuOptions = CreateOptions(options);
        return (Create(onnxPath, cpuOptions), "cpu", null);
    }

    private const GraphOptimizationLevel OptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;

    private static SessionOptions CreateOptions(EmbedderOptions options)
    {
        var session = new SessionOptions
        {
            GraphOptimizationLevel = OptimizationLevel,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (options.IntraOpThreads > 0) session.IntraOpNumThreads = options.IntraOpThreads;
        return session;
    }

    private static InferenceSession Create(string onnxPath, SessionOptions options)
    {
        try
        {
            return new InferenceSession(onnxPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelLoadException($"ONNX Runtime could not load '{onnxPath}': {ex.Message}", ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
