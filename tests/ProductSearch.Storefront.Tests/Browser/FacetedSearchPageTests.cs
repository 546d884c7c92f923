using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProductSearch.Storefront.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProductSearch.Storefront.Tests.Browser;

/// <summary>
/// The sidebar's facets, the total, the pager and the sort, as a shopper uses them (issue 15's "done when"): the counts
/// come from the engine and must agree with the cards the page then shows.
/// </summary>
public sealed class FacetedSearchPageTests
{
    [SkippableFact]
    public async Task Two_colours_and_a_price_band_narrow_the_results_counts_and_total_agree_and_pages_never_repeat()
    {
        await using var shop = await ShopPage.OpenAsync("?q=shoes");
        var page = shop.Page;
        await Expect(page.Locator("#filters[data-query='shoes']")).ToBeAttachedAsync();
        // More than the candidate depth matches "shoes": the engine says so, and so does the page.
        await Expect(page.Locator("#total")).ToHaveTextAsync(new Regex(@"^\d+\+ results$"));

        var colors = page.Locator("#facet-color");
        await colors.Locator(".facet-more").ClickAsync(); // Pink is past the first 8 colours
        await PickAsync(page, colors.Locator("input[value='White']"));
        await PickAsync(page, colors.Locator("input[value='Pink']"));
        await PickAsync(page, page.Locator("#facet-price input[value='25-50']"));
        await Expect(page.Locator("#active-filters .chip")).ToHaveTextAsync(["White", "Pink", "$25 – $50"]);
        Assert.Contains("color=White&color=Pink&filter=price%3E%3D25&filter=price%3C50", page.Url, StringComparison.Ordinal);

        await Expect(page.Locator("#total")).ToHaveTextAsync(new Regex(@"^\d+ results$")); // exact now: a set smaller than the depth
        var total = int.Parse(await page.Locator("#total").GetAttributeAsync("data-total") ?? "", CultureInfo.InvariantCulture);
        // The picked colours' counts are counted in the results themselves; the other colours keep theirs (disjunctive).
        Assert.Equal(total, (await CountsAsync(colors.Locator(".facet-option:has(input:checked)"))).Sum());
        Assert.Contains(await CountsAsync(colors.Locator(".facet-option:has(input:not(:checked))")), n => n > 0);

        // Page 1, then "more" with the same request at the next offset, until the page says there is no more.
        var cards = page.Locator("#grid .card:not(.skeleton)");
        var firstPage = await IdsAsync(cards);
        Assert.Equal(Math.Min(24, total), firstPage.Length);
        await LoadEveryPageAsync(page);
        var all = await IdsAsync(cards);
        Assert.Equal(total, all.Length);
        Assert.Equal(all.Length, all.Distinct().Count()); // page 2 repeats nothing of page 1
        Assert.All(await cards.Locator(".card-color .color-name").AllTextContentsAsync(), c => Assert.Contains(c, new[] { "White", "Pink" }));
        Assert.All(await PricesAsync(cards), p => Assert.InRange(p, 25m, 49.99m));

        // Price, low to high: the same set, in non-decreasing price, page after page.
        await page.Locator("#sort").SelectOptionAsync("price:asc");
        await Expect(page.Locator("body.searching")).ToHaveCountAsync(0);
        Assert.Contains("sort=price%3Aasc", page.Url, StringComparison.Ordinal);
        await LoadEveryPageAsync(page);
        var prices = await PricesAsync(cards);
        Assert.Equal(total, prices.Length);
        Assert.Equal(prices.Order(), prices);
        Assert.Equal(all.Order(), (await IdsAsync(cards)).Order());

        await shop.ScreenshotAsync("storefront-facets.png");
        Assert.Empty(shop.Errors);
    }

    [SkippableFact]
    public async Task A_department_filters_by_category_and_a_facet_shows_every_value_on_demand()
    {
        await using var shop = await ShopPage.OpenAsync("?q=shoes");
        var page = shop.Page;
        await Expect(page.Locator("#filters[data-query='shoes']")).ToBeAttachedAsync();

        // Colours: the first 8, then all of them.
        var colorOptions = page.Locator("#facet-color .facet-option");
        await Expect(colorOptions).ToHaveCountAsync(8);
        await page.Locator("#facet-color .facet-more").ClickAsync();
        Assert.True(await colorOptions.CountAsync() > 12);

        // A department is a category filter on the same query, not a search for its name.
        var department = page.Locator("#departments button").First;
        var name = (await department.TextContentAsync())!;
        await department.ClickAsync();
        await Expect(page.Locator("body.searching")).ToHaveCountAsync(0);
        await Expect(department).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#q")).ToHaveValueAsync("shoes");
        Assert.Contains("category=" + Uri.EscapeDataString(name).Replace("%20", "+", StringComparison.Ordinal), page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#active-filters .chip")).ToHaveTextAsync([name]);
    }

    /// <summary>Ticks a facet value and waits for the search it starts (the page marks the body while it searches).</summary>
    private static async Task PickAsync(IPage page, ILocator box)
    {
        await box.CheckAsync();
        await Expect(page.Locator("body.searching")).ToHaveCountAsync(0);
    }

    private static async Task LoadEveryPageAsync(IPage page)
    {
        var more = page.Locator("#more");
        while (await more.IsVisibleAsync())
        {
            var before = await page.Locator("#grid .card").CountAsync();
            await more.ClickAsync();
            await Expect(page.Locator("body.searching")).ToHaveCountAsync(0);
            Assert.True(await page.Locator("#grid .card").CountAsync() > before);
        }
    }

    private static async Task<string[]> IdsAsync(ILocator cards) =>
        (await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.productId)"));

    private static async Task<decimal[]> PricesAsync(ILocator cards) =>
        (await cards.Locator(".price").EvaluateAllAsync<string[]>("prices => prices.map(p => p.getAttribute('aria-label'))"))
        .Select(p => decimal.Parse(p.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray();

    private static async Task<int[]> CountsAsync(ILocator options) =>
        (await options.Locator(".facet-count").AllTextContentsAsync()).Select(t => int.Parse(t, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
}
