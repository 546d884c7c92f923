using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ProductSearch.Embedding;

/// <summary>
/// The CPU session's optimised graph, saved once in ONNX Runtime's own format and loaded from then on with graph
/// optimisation off and the weights used in place from the loaded bytes: a cold <c>productsearch search</c> spends
/// about 0.12 s less creating the session (benchmarks/RESULTS.md, "Cold start"). The file is keyed by the model's
/// SHA-256, the ONNX Runtime version, the optimisation level and the processor (ONNX Runtime warns that a graph
/// optimised at the highest level may hold hardware-specific layouts), so any change of these makes a new file.
/// Each file carries its payload's length and XxHash128; a file that fails that check or that ONNX Runtime cannot load
/// is deleted and built again. Writes go to a private file, then a rename, so a crash or a second process never
/// leaves half a file under the final name. Only models with a <c>model.onnx.sha256</c> beside them take part (the
/// built-in ones): hashing the model at every start would cost what the file saves.
/// </summary>
internal sealed class OptimizedModelCache
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "PSORTOPT"u8.ToArray();
    private const int HeaderSize = 8 + 16 + 8; // magic, XxHash128 of the payload, payload length

    private readonly ILogger _logger;

    private OptimizedModelCache(string path, ILogger logger)
    {
        FilePath = path;
        _logger = logger;
    }

    /// <summary>Where this model's optimised graph lives (or will).</summary>
    public string FilePath { get; }

    /// <summary>
    /// The cache entry for <paramref name="onnxPath"/> under <paramref name="cacheRoot"/>, or <c>null</c> when the model
    /// has no SHA-256 sidecar to key it by.
    /// </summary>
    public static OptimizedModelCache? For(string onnxPath, string cacheRoot, GraphOptimizationLevel level, ILogger logger)
    {
        var sidecar = onnxPath + ".sha256";
        if (!File.Exists(sidecar)) return null;
        string modelSha;
        try
        {
            modelSha = File.ReadAllText(sidecar).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (modelSha.Length != 64) return null;
        var key = Key(modelSha, OrtEnv.Instance().GetVersionString(), level, Processor());
        return new OptimizedModelCache(Path.Combine(cacheRoot, "optimized", $"{modelSha[..12]}-{key}.ort"), logger);
    }

    /// <summary>The file-name key: every input that changes the saved graph or whether it can run here.</summary>
    internal static string Key(string modelSha256, string ortVersion, GraphOptimizationLevel level, string processor) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"format={FormatVersion};model={modelSha256};ort={ortVersion};level={level};provider=cpu;processor={processor}")))[..16];

    /// <summary>The processor as far as the saved graph may depend on it: architecture and the vector extensions ONNX Runtime picks layouts by.</summary>
    internal static string Processor() =>
        $"{RuntimeInformation.ProcessArchitecture};avx2={Avx2.IsSupported};avx512f={Avx512F.IsSupported};avx512bw={Avx512BW.IsSupported};vnni={AvxVnni.IsSupported}";

    /// <summary>
    /// The saved graph's bytes in a pinned array (ONNX Runtime keeps pointers into it for the session's life, so it
    /// must never move), or <c>null</c> when there is none or it is damaged (then it is deleted).
    /// </summary>
    public byte[]? TryRead()
    {
        try
        {
            using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.SequentialScan);
            Span<byte> header = stackalloc byte[HeaderSize];
            if (file.Length < HeaderSize || file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header[..8].SequenceEqual(Magic))
                return Damaged("its header is not ours");
            var length = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
            if (length <= 0 || length != file.Length - HeaderSize || length > Array.MaxLength) return Damaged("its length does not match its header");
            var payload = GC.AllocateUninitializedArray<byte>((int)length, pinned: true);
            file.ReadExactly(payload);
            if (!XxHash128.Hash(payload).AsSpan().SequenceEqual(header[8..24])) return Damaged("its checksum does not match");
            return payload;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("The saved optimised model {Path} could not be read ({Reason}); optimising the model again.", FilePath, ex.Message);
            return null;
        }
    }

    /// <summary>Deletes the saved graph after ONNX Runtime refused it, so the next start builds it again.</summary>
    public void Discard(string reason) => Damaged(reason);

    /// <summary>
    /// A private path for ONNX Runtime to save the optimised graph to (<see cref="SessionOptions.OptimizedModelFilePath"/>),
    /// or <c>null</c> when the cache folder cannot be made (read-only, or a file in its place): then nothing is saved.
    /// </summary>
    public string? TryNewStagingPath()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        try
        {
            Directory.CreateDirectory(folder);
            // A process killed while saving leaves its private file; one an hour old is nobody's any more.
            foreach (var stray in Directory.EnumerateFiles(folder, Path.GetFileName(FilePath) + ".tmp-*"))
                if (File.GetLastWriteTimeUtc(stray) < DateTime.UtcNow.AddHours(-1)) TryDelete(stray);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("The optimised model cannot be saved in {Folder} ({Reason}); each start optimises the model.", folder, ex.Message);
            return null;
        }
        return $"{FilePath}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}.ort";
    }

    /// <summary>Removes what a failed save left at <paramref name="stagingPath"/>.</summary>
    public void Abandon(string stagingPath, string reason)
    {
        _logger.LogDebug("The optimised model could not be saved to {Path} ({Reason}).", FilePath, reason);
        TryDelete(stagingPath);
    }

    /// <summary>
    /// Turns what ONNX Runtime saved at <paramref name="stagingPath"/> into the cache file (header, then rename); a
    /// failure only costs the next start its speed-up, so it is logged, not thrown.
    /// </summary>
    public void Commit(string stagingPath)
    {
        var finalStaging = stagingPath + ".psort";
        try
        {
            var payload = File.ReadAllBytes(stagingPath);
            var header = new byte[HeaderSize];
            Magic.CopyTo(header, 0);
            XxHash128.Hash(payload).CopyTo(header, 8);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), payload.LongLength);
            using (var file = new FileStream(finalStaging, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(header);
                file.Write(payload);
                file.Flush(flushToDisk: true);
            }
            File.Move(finalStaging, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("The optimised model could not be saved to {Path} ({Reason}); the next start optimises it again.", FilePath, ex.Message);
        }
        finally
        {
            TryDelete(stagingPath);
            TryDelete(finalStaging);
        }
    }

    private byte[]? Damaged(string reason)
    {
        _logger.LogDebug("The saved optimised model {Path} is not usable ({Reason}); optimising the model again.", FilePath, reason);
        TryDelete(FilePath);
        return null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: a later start overwrites the cache file or ignores the stray staging file.
        }
    }
}
