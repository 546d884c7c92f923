using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProductSearch.Storefront.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProductSearch.Storefront.Tests.Browser;

/// <summary>The shop page in a real browser, against the app listening on a loopback port (Kestrel, not TestServer).</summary>
public sealed class SearchPageTests
{
    [SkippableFact]
    public async Task Typing_a_query_shows_shoe_cards_and_a_brand_filter_narrows_them()
    {
        Chromium.Require();
        // The first search in a fresh app pays for JIT and a model run; on a busy 2-core machine that can take seconds.
        SetDefaultExpectTimeout(20_000);
        using var factory = new StorefrontFactory(TestIndex.Instance.IndexPath);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
            page.PageError += (_, error) => consoleErrors.Add(error);
            await page.GotoAsync(address.ToString());
            await Expect(page.Locator("#welcome")).ToBeVisibleAsync();

            // Typed key by key, as a shopper does: the page searches as it goes (debounced), and settles on the whole query.
            await page.Locator("#q").PressSequentiallyAsync("girls white shoes", new LocatorPressSequentiallyOptions { Delay = 60 });
            await Expect(page.Locator("#summary")).ToHaveTextAsync("Results for “girls white shoes”");
            var cards = page.Locator("#grid .card:not(.skeleton)");
            await Expect(cards.First).ToBeVisibleAsync();
            Assert.True(await cards.CountAsync() >= 10);
            await Expect(cards.First.Locator(".card-title")).ToContainTextAsync(new Regex("[Ss][Hh][Oo][Ee]"));
            await Expect(cards.First.Locator(".price")).ToHaveTextAsync(new Regex(@"^\$\d+\d\d$"));
            await Expect(page).ToHaveURLAsync(new Regex(@"\?q=girls\+white\+shoes$"));

            // The brand filter: the second brand offered for this query, so the filter has to change the first card's brand.
            await Expect(page.Locator("#filters[data-query='girls white shoes']")).ToBeAttachedAsync();
            var brand = (await page.Locator("#facet-brand .facet-option").Nth(1).Locator(".facet-name").TextContentAsync())!.Trim();
            // Picked by name, not by place: the answer to the pick re-renders the list with new counts and order, and a
            // locator by place would then point at another brand when Playwright checks the box's new state.
            var brandOption = page.Locator("#facet-brand .facet-option").Filter(new LocatorFilterOptions
            {
                Has = page.Locator(".facet-name", new PageLocatorOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(brand) + "\\s*$") }),
            });
            await brandOption.Locator("input").CheckAsync();
            await Expect(page.Locator("#active-filters .chip")).ToHaveTextAsync(brand);
            await Expect(cards.First.Locator(".card-brand")).ToHaveTextAsync(brand);
            await Expect(cards.Locator(".card-brand").Filter(new LocatorFilterOptions { HasNotText = brand })).ToHaveCountAsync(0);
            await Expect(page.Locator("#timing")).ToContainTextAsync("products match the filters");

            // "Why this result?" opens the explanation from the API.
            await cards.First.Locator(".why").ClickAsync();
            await Expect(cards.First.Locator(".why-formula")).ToContainTextAsync("convex");

            var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "storefront-girls-white-shoes.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
            Assert.True(new FileInfo(screenshot).Length > 10_000);
            Assert.Empty(consoleErrors);
        }
    }

    [SkippableFact]
    public async Task The_search_box_forgives_typos_completes_what_is_typed_and_marks_the_matched_words()
    {
        Chromium.Require();
        SetDefaultExpectTimeout(20_000);
        using var factory = new StorefrontFactory(TestIndex.Instance.IndexPath);
        factory.UseKestrel(0);
        factory.StartServer();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
            var consoleErrors = new List<string>();
            page.PageError += (_, error) => consoleErrors.Add(error);
            await page.GotoAsync(factory.ClientOptions.BaseAddress.ToString());
            var cards = page.Locator("#grid .card:not(.skeleton)");

            // Half a word: the box suggests its completions, and the cards already show sneakers, the match marked.
            await page.Locator("#q").PressSequentiallyAsync("sne", new LocatorPressSequentiallyOptions { Delay = 60 });
            await Expect(page.Locator("#suggestions option[value='sneakers']")).ToBeAttachedAsync();
            await Expect(cards.First.Locator(".card-title mark")).ToHaveTextAsync(new Regex("^[Ss]neakers?$"));

            // A typo: the page says what it searched for and shows sneakers with the word marked.
            await page.Locator("#q").FillAsync("");
            await page.Locator("#q").PressSequentiallyAsync("white snekers", new LocatorPressSequentiallyOptions { Delay = 60 });
            await Expect(page.Locator("#summary")).ToHaveTextAsync("Results for “white sneakers”");
            await Expect(page.Locator("#did-you-mean")).ToContainTextAsync("white sneakers");
            await Expect(cards.First.Locator(".card-title mark").First).ToBeVisibleAsync();
            Assert.Contains(await cards.First.Locator(".card-title mark").AllTextContentsAsync(), t => t.StartsWith("Sneaker", StringComparison.OrdinalIgnoreCase));

            var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "storefront-white-snekers.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
            Assert.True(new FileInfo(screenshot).Length > 10_000);

            // The shopper meant what they typed: the page searches it exactly and says so in the address bar.
            await page.Locator("#did-you-mean button").ClickAsync();
            await Expect(page.Locator("#summary")).ToContainTextAsync("“white snekers”");
            await Expect(page.Locator("#did-you-mean")).ToBeHiddenAsync();
            Assert.Contains("typos=false", page.Url, StringComparison.Ordinal);
            Assert.Empty(consoleErrors);
        }
    }
}
