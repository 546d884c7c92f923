using System.Globalization;

namespace ProductSearch.Benchmarks.Scale;

/// <summary>Arguments of one size's child process (see <see cref="ScaleRun"/>).</summary>
internal sealed record ScaleOptions(int Size, bool RealModel, string ResultPath, string WorkFolder, int Queries, bool Keep)
{
    public string Label => ScaleSizes.Format(Size) + (RealModel ? "-real" : "");

    public static ScaleOptions Parse(string[] args)
    {
        int? size = null;
        string? result = null;
        var work = Path.Combine(BenchmarkPaths.RepositoryRoot, "benchmarks", "out", "scale", "work");
        var queries = 1000;
        bool real = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size": size = ScaleSizes.Parse(Value(args, ref i)); break;
                case "--real": real = true; break;
                case "--result": result = Value(args, ref i); break;
                case "--work": work = Value(args, ref i); break;
                case "--queries": queries = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' for scale-one.");
            }
        }
        return new ScaleOptions(size ?? throw new ArgumentException("scale-one needs --size."), real,
            result ?? throw new ArgumentException("scale-one needs --result FILE."), work, queries, keep);
    }

    public static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"Option '{args[i - 1]}' needs a value.");
}

/// <summary>Catalog sizes as people write them: 10k, 100k, 1m, or a plain number.</summary>
internal static class ScaleSizes
{
    public static int Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var (digits, factor) = t.EndsWith('m') ? (t[..^1], 1_000_000) : t.EndsWith('k') ? (t[..^1], 1_000) : (t, 1);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && (long)n * factor <= 50_000_000
            ? n * factor
            : throw new ArgumentException($"'{text}' is not a catalog size (write e.g. 10k, 100k, 1m or 25000).");
    }

    public static string Format(int size) =>
        size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size % 1_000 == 0 ? $"{size / 1_000}k" : size.ToString(CultureInfo.InvariantCulture);
}
