namespace ProductSearch.Fuzzing;

/// <summary>An input that broke a rule, with what happened.</summary>
/// <param name="Surface">Where: <c>engine</c>, <c>cli</c>, <c>catalog</c>, <c>http</c>.</param>
/// <param name="Input">The input, shortened for printing.</param>
/// <param name="Problem">The rule it broke and what happened instead.</param>
public sealed record FuzzFinding(string Surface, string Input, string Problem);

/// <summary>
/// What a fuzz run tried and found. The seed makes it reproducible: the same seed gives the same inputs in the same
/// order, so a finding's input is met again by running the same surface with the same seed.
/// </summary>
public sealed class FuzzReport(int seed)
{
    private readonly List<FuzzFinding> _findings = [];
    private readonly Dictionary<string, int> _tried = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The seed every generator of the run started from.</summary>
    public int Seed { get; } = seed;

    /// <summary>Inputs tried, by surface.</summary>
    public IReadOnlyDictionary<string, int> Tried { get { lock (_gate) return new Dictionary<string, int>(_tried); } }

    /// <summary>Inputs that broke a rule.</summary>
    public IReadOnlyList<FuzzFinding> Findings { get { lock (_gate) return [.. _findings]; } }

    /// <summary>Counts one input tried on <paramref name="surface"/>.</summary>
    public void Tried1(string surface)
    {
        lock (_gate) _tried[surface] = _tried.GetValueOrDefault(surface) + 1;
    }

    /// <summary>Records an input that broke a rule.</summary>
    public void Found(string surface, string input, string problem)
    {
        lock (_gate) _findings.Add(new FuzzFinding(surface, Shorten(input), problem));
    }

    /// <summary>A summary: the seed, inputs per surface, and the first findings (distinct problems first).</summary>
    public string Describe(int maxFindings = 8)
    {
        var tried = string.Join(", ", Tried.OrderBy(t => t.Key).Select(t => $"{t.Value:N0} {t.Key}"));
        var findings = Findings;
        var lines = new List<string> { $"fuzz seed {Seed} (PRODUCTSEARCH_FUZZ_SEED={Seed} repeats it): {tried}; {findings.Count} findings" };
        lines.AddRange(findings.DistinctBy(f => (f.Surface, FirstLine(f.Problem))).Take(maxFindings)
            .Select(f => $"  [{f.Surface}] {f.Input}\n      -> {f.Problem}"));
        return string.Join('\n', lines);
    }

    /// <summary>Shortens an input for printing, with control characters made visible.</summary>
    public static string Shorten(string text, int max = 300)
    {
        var visible = string.Concat(text.Take(max).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > max ? $"{visible}… ({text.Length:N0} chars)" : visible;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
