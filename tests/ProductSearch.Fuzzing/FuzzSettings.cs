using System.Globalization;

namespace ProductSearch.Fuzzing;

/// <summary>
/// How long and from which seed a fuzz test runs: <c>PRODUCTSEARCH_FUZZ_SEED</c> repeats a run (a fresh seed is drawn
/// otherwise, and printed with every failure), <c>PRODUCTSEARCH_FUZZ_SECONDS</c> sets each surface's time (default:
/// the given budget, which keeps the whole suite within its minute in CI).
/// </summary>
public static class FuzzSettings
{
    /// <summary>The seed of this run.</summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("PRODUCTSEARCH_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
        ? seed : Random.Shared.Next();

    /// <summary>When a surface given <paramref name="defaultSeconds"/> stops.</summary>
    public static DateTime Until(double defaultSeconds) =>
        DateTime.UtcNow.AddSeconds(double.TryParse(Environment.GetEnvironmentVariable("PRODUCTSEARCH_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds : defaultSeconds);

    /// <summary>The generator of one surface: the run's seed mixed with the surface's name, so surfaces are independent.</summary>
    public static Random RandomFor(string surface) => new(HashCode.Combine(Seed, StableHash(surface)));

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
