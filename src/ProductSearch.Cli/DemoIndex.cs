namespace ProductSearch.Cli;

/// <summary>
/// Where the demo catalog and its index live: in the repository the command runs from (found by walking up
/// from the current folder to one holding <c>samples/demo-catalog.jsonl</c>), else next to the tool with the
/// index under the user's local data folder.
/// </summary>
internal static class DemoIndex
{
    private const string CatalogRelativePath = "samples/demo-catalog.jsonl";

    public static string CatalogPath => Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, CatalogRelativePath);

    public static string IndexPath => RepositoryRoot() is { } root
        ? Path.Combine(root, "indexes", "demo")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "ProductSearch", "indexes", "demo");

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, CatalogRelativePath))) return folder.FullName;
        }
        return null;
    }
}
