namespace ProductSearch.Benchmarks;

/// <summary>Where the benchmarks find the repository's demo catalog and the shared ESCI data.</summary>
internal static class BenchmarkPaths
{
    public static string RepositoryRoot { get; } = Locate();

    public static string DemoCatalog => Path.Combine(RepositoryRoot, "samples", "demo-catalog.jsonl");

    /// <summary>
    /// The <c>productsearch</c> executable in the command line's own build folder (same configuration as this build),
    /// for child processes: the copy in this folder runs with this project's dependencies, and since the harness
    /// references the storefront, some of the command line's are served by ASP.NET Core's framework instead, which
    /// that copy does not load.
    /// </summary>
    public static string Cli
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(RepositoryRoot, "src", "ProductSearch.Cli", "bin", configuration, framework.Name, OperatingSystem.IsWindows() ? "productsearch.exe" : "productsearch");
        }
    }

    /// <summary>The ESCI sample beside the repository, or <c>PRODUCTSEARCH_SHARED_DIR</c>.</summary>
    public static string EsciDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("PRODUCTSEARCH_SHARED_DIR") is { Length: > 0 } shared ? shared : Path.Combine(RepositoryRoot, "..", "shared"),
        "data", "esci-us-150q");

    /// <summary>The 100 distinct shopper queries of the ESCI sample: real queries, for realistic latency.</summary>
    public static IReadOnlyList<string> EsciQueries()
    {
        var path = Path.Combine(EsciDirectory, "examples.tsv");
        if (!File.Exists(path)) throw new FileNotFoundException($"The ESCI sample is needed for its queries: '{path}' is missing (set PRODUCTSEARCH_SHARED_DIR).", path);
        return File.ReadLines(path).Skip(1).Select(l => l.Split('\t')[1]).Distinct().ToArray();
    }

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ProductSearch.sln"))) return folder.FullName;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ProductSearch.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository (no ProductSearch.sln found above the current folder).");
    }
}
