namespace ProductSearch.Embedding;

/// <summary>Where the model runs: <c>auto</c> (CUDA when it starts, else CPU), <c>cpu</c>, or <c>cuda[:N]</c>.</summary>
[System.ComponentModel.TypeConverter(typeof(ComputeDeviceConverter))]
public readonly record struct ComputeDevice(ComputeDeviceKind Kind, int DeviceId = 0)
{
    /// <summary>CUDA when it can start, else CPU.</summary>
    public static ComputeDevice Auto => new(ComputeDeviceKind.Auto);

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu => new(ComputeDeviceKind.Cpu);

    /// <summary>Parses <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <exception cref="ArgumentException">Any other text; the message lists the accepted forms.</exception>
    public static ComputeDevice Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "auto") return Auto;
        if (value == "cpu") return Cpu;
        if (value == "cuda") return new(ComputeDeviceKind.Cuda);
        if (value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value[5..], out var id) && id >= 0)
            return new(ComputeDeviceKind.Cuda, id);
        throw new ArgumentException($"Unknown device '{text}': use auto, cpu, cuda or cuda:N.", nameof(text));
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ComputeDeviceKind.Cuda => $"cuda:{DeviceId}",
        ComputeDeviceKind.Cpu => "cpu",
        _ => "auto",
    };
}

/// <summary>The kinds of <see cref="ComputeDevice"/>.</summary>
public enum ComputeDeviceKind
{
    /// <summary>CUDA when it starts, else CPU.</summary>
    Auto,
    /// <summary>The CPU.</summary>
    Cpu,
    /// <summary>An NVIDIA GPU through CUDA; failing to start it is an error.</summary>
    Cuda,
}
