using System.Globalization;
using System.Net;

namespace StorefrontLoad;

/// <summary>
/// What to run: <c>--url</c> (loopback only), <c>--requests</c>, <c>--concurrency</c>, <c>--warmup</c>,
/// <c>--unique</c> (every query text new, so each one pays for a model run), <c>--max-seconds</c> (a hard stop);
/// for <c>productsearch serve</c>: <c>--serve</c> (its <c>/search</c> API), <c>--key</c> (a bearer key; default
/// <c>$PRODUCTSEARCH_ADMIN_KEY</c>), <c>--seconds</c> (run for this long instead of a request count) and
/// <c>--patch-product ID</c> (a writer changing that product's price once a second meanwhile).
/// </summary>
internal sealed record LoadOptions(Uri BaseUrl, int Requests, int Concurrency, int Warmup, bool UniqueQueries, int MaxSeconds)
{
    /// <summary>Send <c>productsearch serve</c>'s requests (<c>/search</c>) instead of the storefront's (<c>/api/search</c>).</summary>
    public bool Serve { get; init; }

    /// <summary>The bearer key sent with every request, if any.</summary>
    public string? Key { get; init; }

    /// <summary>Run for this many seconds (requests then only bound the latency buffer); 0: run <see cref="Requests"/>.</summary>
    public int Seconds { get; init; }

    /// <summary>A product a writer PATCHes once a second during the measured run; <c>null</c>: no writer.</summary>
    public string? PatchProduct { get; init; }

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
            Int(values, "--max-seconds", 600, 1, 3600))
        {
            Serve = flags.Contains("--serve"),
            Key = values.GetValueOrDefault("--key") ?? Environment.GetEnvironmentVariable("PRODUCTSEARCH_ADMIN_KEY"),
            Seconds = Int(values, "--seconds", 0, 0, 600),
            PatchProduct = values.GetValueOrDefault("--patch-product"),
        };
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, got '{text}'.");
        return value;
    }
}
