using System.Globalization;

namespace ProductSearch.Cli;

/// <summary>A count with its noun in the right number: "1 result", "2 results", "1,234 products".</summary>
internal static class Counts
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.CurrentCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>
    /// A rate per second, or nothing where the count is too small for one to mean anything (one title in 0.7 s is
    /// not "1/s", and "0/s" is wrong): " (N/s)" from 10 items on.
    /// </summary>
    public static string Rate(long count, TimeSpan elapsed) =>
        count >= 10 && elapsed > TimeSpan.Zero ? $" ({(count / elapsed.TotalSeconds).ToString("F0", CultureInfo.CurrentCulture)}/s)" : "";
}
