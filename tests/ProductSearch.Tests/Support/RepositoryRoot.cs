namespace ProductSearch.Tests.Support;

/// <summary>The repository's root folder (the one with ProductSearch.sln), found from the test assembly's folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ProductSearch.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No ProductSearch.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;
}
