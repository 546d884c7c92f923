namespace Storefront.Hosting;

/// <summary>
/// Where the demo catalog and its index live, found as the CLI finds them: in the repository the app runs from
/// (walking up from the current folder to one holding <c>samples/demo-catalog.jsonl</c>), else the catalog copied
/// next to the app and the index under the user's local data folder.
/// </summary>
internal static class DemoIndexLocation
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
