using System.Numerics.Tensors;

namespace ProductSearch.Embedding;

/// <summary>Pools token vectors into a sentence vector, as sentence-transformers' <c>Pooling</c> module does.</summary>
internal static class TokenPooling
{
    /// <summary>
    /// Pools one row of a <c>[batch, sequence, hidden]</c> output. <paramref name="tokens"/> is that row
    /// (<c>sequence * hidden</c> values); positions <c>[0, skip)</c> and those past <paramref name="length"/> are masked.
    /// Sums run in double precision, as the references accumulate with care too.
    /// </summary>
    public static void Pool(PoolingMode mode, ReadOnlySpan<float> tokens, int hidden, int length, int skip, Span<float> destination)
    {
        switch (mode)
        {
            case PoolingMode.Cls:
                tokens.Slice(0, hidden).CopyTo(destination);
                return;
            case PoolingMode.LastToken:
                tokens.Slice((length - 1) * hidden, hidden).CopyTo(destination);
                return;
            case PoolingMode.Max:
                tokens.Slice(skip * hidden, hidden).CopyTo(destination);
                for (var t = skip + 1; t < length; t++) TensorPrimitives.Max(destination, tokens.Slice(t * hidden, hidden), destination);
                return;
        }

        Span<double> sum = hidden <= 2048 ? stackalloc double[hidden] : new double[hidden];
        sum.Clear();
        double weightSum = 0;
        for (var t = skip; t < length; t++)
        {
            double weight = mode == PoolingMode.WeightedMean ? t + 1 : 1;
            var row = tokens.Slice(t * hidden, hidden);
            for (var h = 0; h < hidden; h++) sum[h] += weight * row[h];
            weightSum += weight;
        }
        var count = Math.Max(length - skip, 1);
        var divisor = mode switch
        {
            PoolingMode.MeanSqrtLength => Math.Sqrt(count),
            PoolingMode.WeightedMean => Math.Max(weightSum, 1e-9),
            _ => Math.Max(count, 1e-9),
        };
        for (var h = 0; h < hidden; h++) destination[h] = (float)(sum[h] / divisor);
    }

    /// <summary>L2-normalizes in place (double-precision norm); a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        double squares = 0;
        foreach (var value in vector) squares += (double)value * value;
        var norm = Math.Max(Math.Sqrt(squares), 1e-12);
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(vector[i] / norm);
    }
}
