namespace ProductSearch.Tests.Support;

/// <summary>
/// Finds the read-only data beside the repository (<c>../shared</c>): the ESCI sample and the golden vectors.
/// <c>PRODUCTSEARCH_SHARED_DIR</c> overrides the search. Where the data is absent a test is skipped, saying
/// why, except under <c>CI=true</c>, where its absence is a failure.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string EsciDirectory => Require(Path.Combine("data", "esci-us-150q"));

    public static string GoldenDirectory => Require("golden");

    private static string Require(string relative)
    {
        var folder = Root.Value is { } root ? Path.Combine(root, relative) : null;
        if (folder is not null && Directory.Exists(folder)) return folder;
        var reason = $"skipped: shared data '{relative}' not found (looked for ../shared beside the repository; set PRODUCTSEARCH_SHARED_DIR to point at it)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(reason.Replace("skipped: ", "CI=true and ", StringComparison.Ordinal));
        Skip.If(true, reason);
        return null!;
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("PRODUCTSEARCH_SHARED_DIR") is { Length: > 0 } fromEnv) return fromEnv;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "golden")) || Directory.Exists(Path.Combine(candidate, "data"))) return candidate;
        }
        return null;
    }
}
