namespace ProductSearch.Benchmarks.Common;

/// <summary>The 1-minute load average (/proc/loadavg), printed beside timings: this 2-core machine is shared.</summary>
internal static class LoadAverage
{
    public static double? OneMinute()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
