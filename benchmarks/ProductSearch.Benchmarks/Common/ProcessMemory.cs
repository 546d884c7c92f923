namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// This process's resident memory from /proc/self/status: VmHWM is the peak since start or since the last
/// <see cref="TryResetPeak"/>, which lets one child process report the build's peak and the search's peak apart.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set (VmHWM) in bytes, or null off Linux.</summary>
    public static long? PeakResidentBytes() => Read("VmHWM:");

    /// <summary>Current resident set (VmRSS) in bytes, or null off Linux.</summary>
    public static long? ResidentBytes() => Read("VmRSS:");

    /// <summary>Resets VmHWM to the current RSS (writing 5 to /proc/self/clear_refs); false where the kernel refuses.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? Read(string field)
    {
        if (!File.Exists("/proc/self/status")) return null;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        // The kernel prints "VmHWM:    123456 kB".
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
