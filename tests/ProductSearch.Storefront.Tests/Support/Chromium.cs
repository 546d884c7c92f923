using Microsoft.Playwright;

namespace ProductSearch.Storefront.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright never downloads a browser here: the tests launch the one at
/// <see cref="ExecutablePath"/>. Where it is absent a browser test is skipped, saying why, except under <c>CI=true</c>,
/// where <c>.ci/run</c> installs it and its absence is a failure.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    public static void Require()
    {
        if (File.Exists(ExecutablePath)) return;
        var reason = $"skipped: Chromium not found at {ExecutablePath} (install it with 'apt-get install -y chromium')";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(reason.Replace("skipped: ", "CI=true and ", StringComparison.Ordinal));
        Skip.If(true, reason);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Belt and braces: nothing in these tests installs browsers, and this keeps any tool that might from trying.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
