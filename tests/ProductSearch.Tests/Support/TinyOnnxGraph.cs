using Google.Protobuf;

namespace ProductSearch.Tests.Support;

/// <summary>
/// Writes a tiny ONNX graph shaped like a NomicBert export — inputs <c>input_ids</c> and <c>attention_mask</c> only
/// (no <c>token_type_ids</c>), output <c>last_hidden_state</c> [batch, sequence, hidden] — whose "hidden state" of a
/// token is its row of an embedding table, masked: Mul(Gather(table, input_ids), Unsqueeze(Cast(mask))). The expected
/// sentence vector is then computable by hand, which is what the model-folder tests need.
/// </summary>
/// <remarks>
/// The ONNX protobuf messages are written field by field with Google.Protobuf's encoder (field numbers from
/// onnx.proto), because no ONNX model-building package is served here and the graph is four nodes.
/// </remarks>
internal static class TinyOnnxGraph
{
    private const int FloatType = 1;
    private const int Int64Type = 7;

    public static void Write(string path, float[][] table)
    {
        var hidden = table[0].Length;
        var tableBytes = new byte[table.Length * hidden * sizeof(float)];
        Buffer.BlockCopy(table.SelectMany(r => r).ToArray(), 0, tableBytes, 0, tableBytes.Length);

        var graph = Message(g =>
        {
            Sub(g, 1, Node("Gather", ["word_embeddings", "input_ids"], ["embedded"], ("axis", 0)));
            Sub(g, 1, Node("Cast", ["attention_mask"], ["mask_float"], ("to", FloatType)));
            Sub(g, 1, Node("Unsqueeze", ["mask_float", "axes"], ["mask_3d"]));
            Sub(g, 1, Node("Mul", ["embedded", "mask_3d"], ["last_hidden_state"]));
            Text(g, 2, "tiny_nomic_bert");
            Sub(g, 5, Tensor("word_embeddings", FloatType, [table.Length, hidden], tableBytes));
            Sub(g, 5, Tensor("axes", Int64Type, [1], BitConverter.GetBytes(2L)));
            Sub(g, 11, ValueInfo("input_ids", Int64Type, "batch", "sequence"));
            Sub(g, 11, ValueInfo("attention_mask", Int64Type, "batch", "sequence"));
            Sub(g, 12, ValueInfo("last_hidden_state", FloatType, "batch", "sequence", hidden));
        });
        var model = Message(m =>
        {
            Int(m, 1, 8);                                                 // ir_version
            Text(m, 2, "productsearch-tests");                           // producer_name
            Sub(m, 7, graph);                                             // graph
            Sub(m, 8, Message(o => { Text(o, 1, ""); Int(o, 2, 13); })); // opset_import: default domain, opset 13
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, model);
    }

    private static byte[] Node(string op, string[] inputs, string[] outputs, params (string Name, long Value)[] attributes) => Message(n =>
    {
        foreach (var input in inputs) Text(n, 1, input);
        foreach (var output in outputs) Text(n, 2, output);
        Text(n, 3, op.ToLowerInvariant());
        Text(n, 4, op);
        foreach (var (name, value) in attributes)
            Sub(n, 5, Message(a => { Text(a, 1, name); Int(a, 3, value); Int(a, 20, 2); })); // type INT
    });

    private static byte[] Tensor(string name, int type, long[] dims, byte[] raw) => Message(t =>
    {
        foreach (var dim in dims) Int(t, 1, dim);
        Int(t, 2, type);
        Text(t, 8, name);
        t.WriteTag(9, WireFormat.WireType.LengthDelimited);
        t.WriteBytes(ByteString.CopyFrom(raw));
    });

    private static byte[] ValueInfo(string name, int type, params object[] dims) => Message(v =>
    {
        Text(v, 1, name);
        var shape = Message(s =>
        {
            foreach (var dim in dims)
                Sub(s, 1, Message(d => { if (dim is string param) Text(d, 2, param); else Int(d, 1, Convert.ToInt64(dim)); }));
        });
        var tensorType = Message(t => { Int(t, 1, type); Sub(t, 2, shape); });
        Sub(v, 2, Message(tp => Sub(tp, 1, tensorType)));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }
        return stream.ToArray();
    }

    private static void Sub(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    private static void Text(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void Int(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }
}
