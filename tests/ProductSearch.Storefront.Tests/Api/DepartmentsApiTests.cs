using Microsoft.AspNetCore.Http;
using ProductSearch.Storefront.Tests.Support;
using Storefront.Api;

namespace ProductSearch.Storefront.Tests.Api;

/// <summary><c>GET /api/departments</c>, and the engine's refusals answered without .NET's parameter suffix.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class DepartmentsApiTests(StorefrontApp app)
{
    [Fact]
    public async Task Departments_are_the_index_s_top_level_categories_most_products_first()
    {
        var counts = app.Index.Products.Values
            .Select(p => p.TryGetProperty("category", out var c) && c.GetArrayLength() > 0 ? c[0].GetString() : null)
            .OfType<string>().GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count());
        var departments = await app.CreateClient().GetJsonAsync("/api/departments");
        var answered = departments.EnumerateArray().Select(d => (Name: d.Text("name"), Products: d.GetProperty("products").GetInt64())).ToArray();
        Assert.Equal(Math.Min(10, counts.Count), answered.Length);
        foreach (var (name, products) in answered) Assert.Equal(counts[name!], products);
        Assert.Equal(answered.OrderByDescending(d => d.Products).ThenBy(d => d.Name, StringComparer.Ordinal), answered);
        Assert.Equal(counts.Values.Max(), answered[0].Products);
    }

    [Fact]
    public async Task An_engine_refusal_is_a_400_without_the_parameter_suffix()
    {
        var result = ApiProblems.BadRequest(new ArgumentException("Unknown filter field 'size'.", "FieldEquals"));
        var context = new DefaultHttpContext { RequestServices = app.Factory.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal(400, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("Unknown filter field 'size'.", body);
        Assert.DoesNotContain("(Parameter", body);
        Assert.Contains("\"fieldEquals\"", body); // under the API's name for it
    }
}
