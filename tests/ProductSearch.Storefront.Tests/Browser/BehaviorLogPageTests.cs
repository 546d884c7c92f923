using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProductSearch.Behavior;
using ProductSearch.Storefront.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProductSearch.Storefront.Tests.Browser;

/// <summary>The page's side of the behaviour log, in a real browser: cards on screen become impressions, a chosen card a click, under its answer's query id.</summary>
public sealed class BehaviorLogPageTests
{
    [SkippableFact]
    public async Task Cards_seen_for_a_second_and_a_clicked_title_are_logged_under_the_search_s_query_id()
    {
        Chromium.Require();
        SetDefaultExpectTimeout(20_000);
        using var factory = new StorefrontFactory(TestIndex.Instance.IndexPath);
        factory.UseKestrel(0);
        factory.StartServer();
        var log = factory.Services.GetRequiredService<BehaviorLogWriter>();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 } });
            await page.GotoAsync(factory.ClientOptions.BaseAddress + "?q=girls+white+shoes");
            var first = page.Locator("#grid .card:not(.skeleton)").First;
            await Expect(first).ToBeVisibleAsync();
            var product = await first.GetAttributeAsync("data-product-id");
            var queryId = await first.GetAttributeAsync("data-query-id");
            Assert.Equal("1", await first.GetAttributeAsync("data-rank"));
            await page.WaitForTimeoutAsync(1_500); // an impression is half a card in view for a second
            await first.Locator(".card-title a").ClickAsync();
            await Expect(page.Locator("#product-dialog")).ToBeVisibleAsync();

            // The click is sent at once, with the impressions queued so far.
            var events = new List<UbiEvent>();
            for (var wait = 0; wait < 40 && !events.Any(e => e.ActionName == UbiActions.Click); wait++)
            {
                await Task.Delay(250);
                await log.FlushAsync();
                events = await EventsAsync(factory.BehaviorLogFolder, queryId!);
            }
            var click = Assert.Single(events, e => e.ActionName == UbiActions.Click);
            Assert.Equal((product, 1), (click.ObjectId, click.Ordinal));
            Assert.Contains(events, e => e.ActionName == UbiActions.Impression && e.ObjectId == product && e.Ordinal == 1);
            // Only cards on screen were seen: a 1000-pixel-high window does not show all 24.
            Assert.InRange(events.Count(e => e.ActionName == UbiActions.Impression), 1, 23);
            Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.ClientId)));
            var search = await QueryAsync(factory.BehaviorLogFolder, queryId!);
            Assert.Equal(("girls white shoes", events[0].ClientId), (search.UserQuery, search.ClientId));
        }
    }

    private static async Task<List<UbiEvent>> EventsAsync(string folder, string queryId)
    {
        var found = new List<UbiEvent>();
        if (!Directory.Exists(folder)) return found;
        foreach (var file in Directory.GetFiles(folder, "ubi_events-*.jsonl"))
            await foreach (var line in BehaviorLogReader.ReadEventsAsync(file))
                if (line.Record?.QueryId == queryId) found.Add(line.Record);
        return found;
    }

    private static async Task<UbiQuery> QueryAsync(string folder, string queryId)
    {
        foreach (var file in Directory.GetFiles(folder, "ubi_queries-*.jsonl"))
            await foreach (var line in BehaviorLogReader.ReadQueriesAsync(file))
                if (line.Record?.QueryId == queryId) return line.Record;
        throw new InvalidOperationException($"No query {queryId} in the log.");
    }
}
