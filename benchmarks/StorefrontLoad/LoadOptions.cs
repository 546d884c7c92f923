using System.Globalization;
using System.Net;

namespace StorefrontLoad;

/// <summary>
/// What to run: <c>--url</c> (loopback only), <c>--requests</c>, <c>--concurrency</c>, <c>--warmup</c>,
/// <c>--unique</c> (every query text new, so each one pays for a model run), <c>--max-seconds</c> (a hard stop).
/// </summary>
internal sealed record LoadOptions(Uri BaseUrl, int Requests, int Concurrency, int Warmup, bool UniqueQueries, int MaxSeconds)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) values[args[i]] = args[++i];
            else flags.Add(args[i]);
        }
        var url = new Uri(values.GetValueOrDefault("--url", "http://127.0.0.1:5081/"));
        // Load is only ever sent to this machine: a typo must not aim it at someone else's server.
        if (!(url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip))))
            throw new ArgumentException($"--url must be a loopback address (127.0.0.0/8, ::1 or localhost), got '{url.Host}'.");
        return new LoadOptions(
            url,
            Int(values, "--requests", 20_000, 1, 1_000_000),
            Int(values, "--concurrency", 32, 1, 1024),
            Int(values, "--warmup", 1_000, 0, 100_000),
            flags.Contains("--unique"),
            Int(values, "--max-seconds", 600, 1, 3600));
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, got '{text}'.");
        return value;
    }
}
