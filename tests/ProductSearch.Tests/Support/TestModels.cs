using ProductSearch.Embedding;

namespace ProductSearch.Tests.Support;

/// <summary>The built-in models, loaded once per test run (an ONNX Runtime session is thread-safe).</summary>
internal static class TestModels
{
    private static readonly Lazy<OnnxSentenceEmbedder> MiniLmLazy = new(() => Load("minilm"));
    private static readonly Lazy<OnnxSentenceEmbedder> ArcticLazy = new(() => Load("arctic-xs"));

    public static OnnxSentenceEmbedder MiniLm => MiniLmLazy.Value;

    public static OnnxSentenceEmbedder ArcticXs => ArcticLazy.Value;

    private static OnnxSentenceEmbedder Load(string name) =>
        OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = name, Device = ComputeDevice.Cpu });
}
