using Microsoft.Playwright;

namespace ProductSearch.Storefront.Tests.Support;

/// <summary>
/// The storefront on the shared test index, listening on a loopback port, and a Chromium page on it (1360×1000),
/// collecting the page's script errors. Disposing closes the browser and stops the app.
/// </summary>
internal sealed class ShopPage : IAsyncDisposable
{
    private readonly StorefrontFactory _factory;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ShopPage(StorefrontFactory factory, IPlaywright playwright, IBrowser browser, IPage page)
    {
        (_factory, _playwright, _browser, Page) = (factory, playwright, browser, page);
        page.PageError += (_, error) => Errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Uncaught script errors on the page.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Starts the app and opens <paramref name="pathAndQuery"/> (such as <c>?q=shoes</c>) in a new page.</summary>
    public static async Task<ShopPage> OpenAsync(string pathAndQuery)
    {
        Chromium.Require();
        // The first search in a fresh app pays for JIT and a model run; on a busy 2-core machine that can take seconds.
        Assertions.SetDefaultExpectTimeout(20_000);
        var factory = new StorefrontFactory(TestIndex.Instance.IndexPath);
        factory.UseKestrel(0);
        factory.StartServer();
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
        var shop = new ShopPage(factory, playwright, browser, page);
        await page.GotoAsync(factory.ClientOptions.BaseAddress + pathAndQuery.TrimStart('/'));
        return shop;
    }

    /// <summary>Saves a screenshot under the test output's <c>screenshots</c> folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
    }
}
