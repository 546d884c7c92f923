namespace ProductSearch.Benchmarks.Common;

/// <summary>Bytes a file or folder takes (file lengths summed, not blocks).</summary>
internal static class DiskUsage
{
    public static long Of(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;
}
