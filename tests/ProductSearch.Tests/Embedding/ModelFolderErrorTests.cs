using ProductSearch.Embedding;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Embedding;

/// <summary>Model folders that cannot be used are refused with the file and the folder named.</summary>
public sealed class ModelFolderErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static ModelLoadException LoadFails(string model) => Assert.Throws<ModelLoadException>(() =>
        OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = model, Device = ComputeDevice.Cpu }));

    [Fact]
    public void A_folder_without_a_graph_names_model_onnx_and_the_folder()
    {
        var folder = new NomicLikeModelFolder(_temp.File("m")).Path;
        File.Delete(Path.Combine(folder, "onnx", "model.onnx"));
        var error = LoadFails(folder);
        Assert.Contains("model.onnx", error.Message);
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void A_similarity_function_the_engine_cannot_serve_is_refused_naming_it()
    {
        var folder = new NomicLikeModelFolder(_temp.File("m"), similarity: "manhattan").Path;
        var error = LoadFails(folder);
        Assert.Contains("manhattan", error.Message);
        Assert.Contains("config_sentence_transformers.json", error.Message);
    }

    [Fact]
    public void A_folder_without_a_vocabulary_names_both_files_it_looked_for()
    {
        var folder = new NomicLikeModelFolder(_temp.File("m")).Path;
        File.Delete(Path.Combine(folder, "tokenizer.json"));
        var error = LoadFails(folder);
        Assert.Contains("tokenizer.json", error.Message);
        Assert.Contains("vocab.txt", error.Message);
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void A_graph_onnx_runtime_cannot_load_gives_its_message_and_the_path()
    {
        var folder = new NomicLikeModelFolder(_temp.File("m")).Path;
        var graph = Path.Combine(folder, "onnx", "model.onnx");
        File.WriteAllText(graph, "this is not a protobuf");
        var error = LoadFails(folder);
        Assert.Contains(graph, error.Message);
        Assert.Contains("ONNX Runtime", error.Message);
    }

    [Fact]
    public void A_malformed_config_file_is_named()
    {
        var folder = new NomicLikeModelFolder(_temp.File("m")).Path;
        File.WriteAllText(Path.Combine(folder, "modules.json"), "[{ broken");
        Assert.Contains("modules.json", LoadFails(folder).Message);
    }

    [Fact]
    public void An_unknown_model_name_lists_the_built_in_ones() =>
        Assert.Contains("minilm", LoadFails("no-such-model-" + Guid.NewGuid()).Message);

    [SkippableFact]
    public void Cuda_asked_for_explicitly_without_a_gpu_is_an_error_and_auto_falls_back()
    {
        Skip.If(File.Exists("/dev/nvidia0"), "a GPU is present: CUDA may start here");
        var error = Assert.Throws<ModelLoadException>(() =>
            OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = "minilm", Device = ComputeDevice.Parse("cuda:0") }));
        Assert.Contains("CUDA", error.Message);
        using var auto = OnnxSentenceEmbedder.Create(new EmbedderOptions { Model = "minilm", Device = ComputeDevice.Auto });
        Assert.Equal("cpu", auto.ActiveDevice);
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("CPU", "cpu")]
    [InlineData("cuda", "cuda:0")]
    [InlineData("cuda:1", "cuda:1")]
    public void Devices_parse(string text, string expected) => Assert.Equal(expected, ComputeDevice.Parse(text).ToString());

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void Unknown_devices_are_refused(string text) => Assert.Throws<ArgumentException>(() => ComputeDevice.Parse(text));

    public void Dispose() => _temp.Dispose();
}
