using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StorefrontLoad;

/// <summary>
/// A writer beside a load run on <c>productsearch serve</c>: once a second it PATCHes one product's price (one commit
/// each) and, as soon as the write is answered, searches for the product's title with the new price as the only
/// price allowed — so each write is counted visible only if the very next search finds the product at its new price.
/// </summary>
internal sealed class PatchWriter(HttpClient client, string productId)
{
    private readonly List<double> _writeMs = [];
    private readonly List<double> _visibleMs = [];

    public int Writes => _writeMs.Count;
    public int Errors { get; private set; }
    public int NotVisible { get; private set; }
    public string? FirstError { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var product = await client.GetFromJsonAsync<JsonElement>($"/products/{Uri.EscapeDataString(productId)}", cancellationToken);
        var title = product.GetProperty("title").GetString()!;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var price = 100m + ++n % 900 + 0.25m;
                var started = Stopwatch.GetTimestamp();
                using var patch = await client.PatchAsync($"/products/{Uri.EscapeDataString(productId)}", JsonContent.Create(new { price }), cancellationToken);
                _writeMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (patch.StatusCode != HttpStatusCode.OK)
                {
                    Fail($"PATCH answered {(int)patch.StatusCode}: {await patch.Content.ReadAsStringAsync(cancellationToken)}");
                    continue;
                }
                var p = price.ToString(CultureInfo.InvariantCulture);
                var search = await client.GetFromJsonAsync<JsonElement>($"/search?q={Uri.EscapeDataString(title)}&minPrice={p}&maxPrice={p}&k=5", cancellationToken);
                if (search.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetString() == productId))
                    _visibleMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else
                    NotVisible++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (HttpRequestException ex)
        {
            Fail(ex.Message);
        }
    }

    /// <summary>One line: writes, their latency, and how many the next search saw.</summary>
    public string Summary()
    {
        string Ms(List<double> values, double p) => values.Count == 0 ? "-" :
            values.Order().ElementAt(Math.Clamp((int)Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)).ToString("F1", CultureInfo.InvariantCulture);
        return $"writer: {Writes} PATCHes (p50 {Ms(_writeMs, 0.5)} ms, max {Ms(_writeMs, 1)} ms), {Errors} errors; " +
               $"visible to the next search: {_visibleMs.Count} of {Writes - Errors} (PATCH sent → search answered: p50 {Ms(_visibleMs, 0.5)} ms, max {Ms(_visibleMs, 1)} ms), {NotVisible} not visible";
    }

    private void Fail(string message)
    {
        Errors++;
        FirstError ??= message;
    }
}
