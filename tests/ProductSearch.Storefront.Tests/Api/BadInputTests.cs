using System.Net;
using System.Text;
using ProductSearch.Storefront.Tests.Support;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary>Every input rule of the API: each bad request answers 400 with problem details naming the parameter.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class BadInputTests(StorefrontApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string> BadSearches => new()
    {
        { "/api/search", "q" },                                  // missing
        { "/api/search?q=", "q" },                               // empty
        { "/api/search?q=%20%20%20", "q" },                      // blank
        { "/api/search?q=" + new string('a', 513), "q" },        // over 512 characters
        { "/api/search?q=shoes&q=boots", "q" },                  // twice
        { "/api/search?q=shoes&k=0", "k" },
        { "/api/search?q=shoes&k=101", "k" },
        { "/api/search?q=shoes&k=-3", "k" },
        { "/api/search?q=shoes&k=ten", "k" },
        { "/api/search?q=shoes&k=2.5", "k" },
        { "/api/search?q=shoes&k=99999999999", "k" },            // overflows an int
        { "/api/search?q=shoes&k=5&k=6", "k" },
        { "/api/search?q=shoes&offset=-1", "offset" },
        { "/api/search?q=shoes&offset=10001", "offset" },
        { "/api/search?q=shoes&offset=x", "offset" },
        { "/api/search?q=shoes&mode=fuzzy", "mode" },
        { "/api/search?q=shoes&mode=", "mode" },
        { "/api/search?q=shoes&minPrice=-1", "minPrice" },
        { "/api/search?q=shoes&minPrice=cheap", "minPrice" },
        { "/api/search?q=shoes&maxPrice=1e3", "maxPrice" },
        { "/api/search?q=shoes&maxPrice=NaN", "maxPrice" },
        { "/api/search?q=shoes&minPrice=50&maxPrice=10", "minPrice" },
        { "/api/search?q=shoes&explain=maybe", "explain" },
        { "/api/search?q=shoes&brand=" + new string('b', 101), "brand" },
        { "/api/search?q=shoes" + string.Concat(Enumerable.Range(0, 21).Select(i => $"&brand=b{i}")), "brand" },
        { "/api/search?q=shoes&color=" + new string('c', 101), "color" },
        { "/api/search?q=shoes" + string.Concat(Enumerable.Range(0, 21).Select(i => $"&color=c{i}")), "color" },
        { "/api/search?q=shoes&filter=rating", "filter" },                       // no operator
        { "/api/search?q=shoes&filter=%3E%3D4", "filter" },                      // no field
        { "/api/search?q=shoes&filter=price%3C", "filter" },                     // no value
        { "/api/search?q=shoes&filter=price%3C10,20", "filter" },                // a range of a list
        { "/api/search?q=shoes&filter=colour%3Dwhite", "filter" },               // unknown field (the schema's check)
        { "/api/search?q=shoes&filter=rating%3E%3Dhigh", "filter" },             // not a number
        { "/api/search?q=shoes&filter=brand%3Ca", "filter" },                    // a range on a keyword
        { "/api/search?q=shoes&filter=a%3D" + new string('x', 200), "filter" },  // over 200 characters
        { "/api/search?q=shoes" + string.Concat(Enumerable.Range(0, 21).Select(i => $"&filter=rating%3E{i}")), "filter" },
        { "/api/search?q=shoes&sort=price:up", "sort" },
        { "/api/search?q=shoes&sort=:asc", "sort" },
        { "/api/search?q=shoes&sort=brand:asc", "sort" },                        // not sortable
        { "/api/search?q=shoes&sort=weight:desc", "sort" },                      // unknown
        { "/api/search?q=shoes&sort=price:asc&sort=price:desc", "sort" },
        { "/api/search?q=shoes&facets=some", "facets" },
        { "/api/search?q=shoes&category=" + new string('c', 101), "category" },
        { "/api/products/" + new string('x', 257), "id" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task A_bad_parameter_answers_400_naming_it(string url, string parameter)
    {
        using var response = await _client.GetAsync(url);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"errors should name '{parameter}': {problem}");
        Assert.Contains(parameter, messages[0].GetString(), StringComparison.OrdinalIgnoreCase); // the engine's messages start "Filter '…'", "Sort '…'"
        Assert.DoesNotContain("(Parameter", problem.ToString());
        Assert.Contains(parameter, problem.Text("title"));
    }

    [Theory]
    [InlineData("filter=colour%3Dwhite", "filter", "Unknown filter field 'colour'; filterable fields: brand, category, color, locale, price, product_id, rating, rating_count.")]
    [InlineData("filter=rating%3E%3Dhigh", "filter", "Filter 'rating>=high': field 'rating' is a number; 'high' is not a number.")]
    [InlineData("filter=rating", "filter", "Filter 'rating' has no operator; write FIELD=VALUE, FIELD<N, FIELD<=N, FIELD>N or FIELD>=N.")]
    [InlineData("sort=brand:asc", "sort", "Field 'brand' (keyword) is not sortable in the index's schema; sortable fields: price, rating, rating_count.")]
    [InlineData("sort=price:up", "sort", "Sort 'price:up': the direction is 'up'; write asc or desc.")]
    public async Task A_filter_or_sort_the_engine_refuses_answers_400_with_its_message(string parameters, string parameter, string message)
    {
        using var response = await _client.GetAsync("/api/search?q=shoes&" + parameters);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Every_bad_parameter_of_a_request_is_named_at_once()
    {
        using var response = await _client.GetAsync("/api/search?k=0&offset=-1&mode=x&explain=2&filter=rating&sort=price:up");
        var errors = (await Http.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["explain", "filter", "k", "mode", "offset", "q", "sort"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("/api/search?q=shoes&k=100&offset=10000")]
    [InlineData("/api/search?q=shoes&k=1&offset=0&minPrice=0&maxPrice=0")]
    [InlineData("/api/search?q=shoes&explain")]
    public async Task Values_at_the_limits_are_accepted(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_query_of_exactly_512_characters_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/search?q=" + new string('a', 512))).StatusCode);

    [Theory]
    [InlineData("/api/search?q=shoes")]
    [InlineData("/api/products/DEMO-000001")]
    public async Task A_request_body_is_refused(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Content = new StringContent("{\"q\":\"boots\"}", Encoding.UTF8, "application/json") };
        using var response = await _client.SendAsync(request);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_chunked_request_body_is_refused()
    {
        using var content = new StreamContent(new MemoryStream("q=boots"u8.ToArray()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=shoes") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _client.SendAsync(request);
        Assert.True((await Http.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Posting_to_the_api_is_not_allowed()
    {
        using var response = await _client.PostAsync("/api/search?q=shoes", new StringContent("q=shoes"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
