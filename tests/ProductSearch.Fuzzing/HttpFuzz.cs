using System.Net;
using System.Text;

namespace ProductSearch.Fuzzing;

/// <summary>
/// Generated HTTP requests against the storefront (in memory or over a socket): odd paths and methods, query
/// strings with any characters, repeated and huge parameters, bodies. The rule: no 5xx, ever, while the index is healthy.
/// </summary>
public static class HttpFuzz
{
    public const string Surface = "http";

    private static readonly string[] Paths = ["/api/search", "/api/products/", "/health", "/", "/openapi/v1.json", "/api/", "/api/search/", "/js/store.js", "/../etc/passwd", "/%2e%2e/", "/api/products/%C3%28"];
    private static readonly string[] Parameters = ["q", "k", "offset", "mode", "brand", "color", "minPrice", "maxPrice", "explain", "filter", "sort", "category", "facets", "Q", "q[]", "", "x"];
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Get, HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Head, HttpMethod.Options, new("PATCH"), new("BREW")];

    /// <summary>Sends requests until <paramref name="count"/> are tried or <paramref name="until"/> passes.</summary>
    public static async Task RunAsync(HttpClient client, Random random, FuzzReport report, int count, DateTime until)
    {
        for (var i = 0; i < count && DateTime.UtcNow < until; i++)
        {
            var (method, url, body) = Request(random);
            report.Tried1(Surface);
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, random.Next(2) == 0 ? "application/json" : "text/plain");
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                    report.Found(Surface, $"{method} {url}", $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception ex) when (ex is HttpRequestException or UriFormatException)
            {
                report.Found(Surface, $"{method} {url}", $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private static (HttpMethod Method, string Url, string? Body) Request(Random random)
    {
        var path = FuzzText.Pick(random, Paths);
        // No NUL in a path: Kestrel refuses such a request line itself (400), and the in-memory test server cannot send one.
        if (path == "/api/products/") path += Escape(random, random.Next(3) == 0 ? FuzzText.RandomChars(random, random.Next(1, 400)).Replace('\0', '0') : "DEMO-00000" + random.Next(10));
        var query = string.Join('&', Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
        {
            var name = FuzzText.Pick(random, Parameters);
            var value = name switch
            {
                "q" or "Q" => FuzzText.Query(random) is var q && q.Length > 3000 ? q[..3000] : q,
                "k" or "offset" => random.Next(4) == 0 ? FuzzText.Value(random) : random.Next(-5, 20_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "minPrice" or "maxPrice" => FuzzText.Number(random),
                "explain" => FuzzText.Pick(random, ["true", "false", "yes", ""]),
                "mode" => FuzzText.Pick(random, ["hybrid", "keyword", "semantic", "dense", ""]),
                "filter" => FuzzText.Pick(random, ["rating>=", "price<", "brand=", "color=", "size=", "price=", "rating>", "<=", "="]) + FuzzText.Value(random) is var f && f.Length > 300 ? f[..300] : f,
                "sort" => FuzzText.Pick(random, ["price:asc", "rating:desc", "brand:asc", "relevance", ":", "price:"]) + (random.Next(3) == 0 ? FuzzText.Value(random) : ""),
                _ => FuzzText.Value(random) is var v && v.Length > 500 ? v[..500] : v,
            };
            return random.Next(15) == 0 ? name + "=%" + FuzzText.Pick(random, ["zz", "", "C3", "FF", "00"]) : $"{Escape(random, name)}={Escape(random, value)}";
        }));
        var body = random.Next(10) == 0 ? FuzzText.Value(random) : null;
        return (FuzzText.Pick(random, Methods), query.Length > 0 ? $"{path}?{query}" : path, body);
    }

    /// <summary>Percent-encodes <paramref name="text"/> (lone surrogates become U+FFFD, as any client sends them).</summary>
    private static string Escape(Random random, string text) => random.Next(20) == 0 ? text.Replace("&", "", StringComparison.Ordinal) : WebUtility.UrlEncode(text);
}
