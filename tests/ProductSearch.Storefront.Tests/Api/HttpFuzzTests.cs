using ProductSearch.Fuzzing;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>
/// Issue 14's standing guard for the storefront: generated requests (odd paths and methods, query strings with any
/// characters, repeated and huge parameters, bodies) for a few seconds, seeded (the seed is printed with any finding,
/// <c>PRODUCTSEARCH_FUZZ_SEED</c> repeats it). The rule: no 5xx while the index is healthy.
/// </summary>
[Collection(StorefrontCollection.Name)]
public sealed class HttpFuzzTests(StorefrontApp app)
{
    // Among the requests: queries of a few hundred distinct terms within the 512-character limit, which answered
    // 500 (TooManyClausesException) before the lexical query kept only its rarest terms.
    [Fact]
    public async Task Requests_of_every_kind_never_get_a_5xx()
    {
        var report = new FuzzReport(FuzzSettings.Seed);
        using var client = app.CreateClient();
        await HttpFuzz.RunAsync(client, FuzzSettings.RandomFor(HttpFuzz.Surface), report, int.MaxValue, FuzzSettings.Until(12));
        Assert.True(report.Findings.Count == 0, report.Describe());
    }
}
