using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProductSearch.Storefront.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProductSearch.Storefront.Tests.Browser;

/// <summary>
/// The shop page's rough edges (issue 18, part 4): a cached answer says "cached", not "0.0 ms"; the filter sidebar
/// never scrolls sideways (which hid the counts); the department bar lists the index's own top-level categories.
/// </summary>
public sealed class StorefrontRoughEdgesTests
{
    [SkippableFact]
    public async Task Departments_come_from_the_index_the_sidebar_fits_and_a_cached_answer_says_so()
    {
        // The index's top-level categories, most products first, as the test catalog holds them.
        var expected = TestIndex.Instance.Products.Values
            .Select(p => p.TryGetProperty("category", out var c) && c.GetArrayLength() > 0 ? c[0].GetString() : null)
            .OfType<string>().GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(10).Select(g => g.Key).ToArray();
        Assert.True(expected.Length >= 5, "the test catalog spans several departments");

        await using var shop = await ShopPage.OpenAsync("/");
        var page = shop.Page;
        var departments = page.Locator("#departments button");
        await Expect(departments).ToHaveTextAsync(expected);

        // A department filters by its category; with the box empty it searches its name within it.
        await departments.Nth(1).ClickAsync();
        await Expect(page.Locator("#summary")).ToHaveTextAsync($"Results for “{expected[1]}”");

        // A search whose brand filter lists the catalog's longest brand name: the longest name must not widen the sidebar.
        var longest = TestIndex.Instance.Products.Values.Where(p => p.TryGetProperty("product_brand", out var b) && b.ValueKind == System.Text.Json.JsonValueKind.String)
            .MaxBy(p => p.GetProperty("product_brand").GetString()!.Length);
        var (brand, title) = (longest.GetProperty("product_brand").GetString()!, longest.GetProperty("product_title").GetString()!);
        await page.GotoAsync(new Uri(new Uri(page.Url), "?q=" + Uri.EscapeDataString(title)).ToString());
        await Expect(page.Locator("#facet-brand .facet-name", new PageLocatorOptions { HasText = brand }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#timing")).ToContainTextAsync(new Regex(@"search in \d+\.\d ms$"));
        // Short windows too, where the sidebar scrolls down and its scroll bar takes from its width.
        foreach (var (width, height) in new[] { (1360, 1000), (1280, 720), (1100, 640) })
        {
            await page.SetViewportSizeAsync(width, height);
            var (scrollWidth, clientWidth) = await SidebarWidths(page);
            Assert.True(scrollWidth <= clientWidth, $"at {width}×{height} the filter sidebar scrolls sideways: {scrollWidth} px of content in {clientWidth} px, " +
                "past its edge: " + await page.Locator("#filters").EvaluateAsync<string>(
                    "f => [...f.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > f.getBoundingClientRect().left + f.clientWidth).map(e => e.className || e.tagName).join(', ')"));
            foreach (var counter in await page.Locator("#filters .facet-count").AllAsync())
                Assert.True(await InsideSidebar(page, counter), $"at {width}×{height} a count lies outside the sidebar");
        }
        await page.SetViewportSizeAsync(1360, 1000);

        // The same query again: answered from the result cache, which took no search to time.
        await page.ReloadAsync();
        await Expect(page.Locator("#timing")).ToContainTextAsync("search, cached");
        await Expect(page.Locator("#timing")).Not.ToContainTextAsync(" ms");
    }

    private static async Task<(int ScrollWidth, int ClientWidth)> SidebarWidths(IPage page)
    {
        var widths = await page.Locator("#filters").EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static async Task<bool> InsideSidebar(IPage page, ILocator element)
    {
        var sidebar = (await page.Locator("#filters").BoundingBoxAsync())!;
        var box = (await element.BoundingBoxAsync())!;
        return box.X >= sidebar.X && box.X + box.Width <= sidebar.X + sidebar.Width;
    }
}
