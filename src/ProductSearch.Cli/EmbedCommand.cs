using System.CommandLine;
using System.Text.Json;
using ProductSearch.Embedding;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch embed</c>: reads texts from standard input, one a line, and writes JSON lines
/// <c>{"text":…,"embedding":[…]}</c> (with <c>"ids"</c> when <c>--tokens</c>), in input order.
/// </summary>
internal static class EmbedCommand
{
    private const int LinesPerBatch = 256;

    public static Command Create()
    {
        var model = CliOptions.Model();
        var prompt = new Option<EmbeddingPurpose?>("--prompt") { Description = "Which of the model's prompts to put before each text: document or query (default: document)." };
        var tokens = new Option<bool>("--tokens") { Description = "Also print the token ids fed to the model." };
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("embed", "Embed lines of standard input; write JSON lines to standard output.") { model, prompt, tokens, device, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            using var embedder = OnnxSentenceEmbedder.Create(new EmbedderOptions
            {
                Model = parse.GetValue(model)!,
                Device = ComputeDevice.Parse(parse.GetValue(device)!),
                QueryCacheSize = 0,
            }, loggers.CreateLogger("productsearch"));
            var purpose = parse.GetValue(prompt) ?? EmbeddingPurpose.Document;
            var withTokens = parse.GetValue(tokens);
            await using var output = Console.OpenStandardOutput();
            var batch = new List<string>(LinesPerBatch);
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                batch.Add(line);
                if (batch.Count == LinesPerBatch) Write(output, embedder, batch, purpose, withTokens, cancellationToken);
            }
            Write(output, embedder, batch, purpose, withTokens, cancellationToken);
            return 0;
        }));
        return command;
    }

    private static void Write(Stream output, OnnxSentenceEmbedder embedder, List<string> texts, EmbeddingPurpose purpose, bool withTokens, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return;
        var vectors = embedder.Embed(texts, purpose, cancellationToken);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < texts.Count; i++)
        {
            writer.Reset(output);
            writer.WriteStartObject();
            writer.WriteString("text", texts[i]);
            if (withTokens)
            {
                writer.WriteStartArray("ids");
                foreach (var id in embedder.Tokenize(texts[i], purpose)) writer.WriteNumberValue(id);
                writer.WriteEndArray();
            }
            writer.WriteStartArray("embedding");
            foreach (var value in vectors[i]) writer.WriteNumberValue(value);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
        }
        output.Flush();
        texts.Clear();
    }
}
