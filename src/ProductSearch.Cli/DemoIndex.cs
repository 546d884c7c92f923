using ProductSearch.Indexing;

namespace ProductSearch.Demo;

/// <summary>
/// Where the demo catalog and its index live, for the shells that offer the demo (the CLI, the storefront): in the
/// repository they run from (found by walking up from the current folder to one holding
/// <c>samples/demo-catalog.jsonl</c>), else the catalog copied next to the program and the index under the user's
/// local data folder. One source file, compiled into both shells (the storefront links it): the core knows no demo.
/// </summary>
internal static class DemoIndex
{
    private const string CatalogRelativePath = "samples/demo-catalog.jsonl";

    /// <summary>The demo catalog file.</summary>
    public static string CatalogPath => Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, CatalogRelativePath);

    /// <summary>The demo index folder.</summary>
    public static string IndexPath => RepositoryRoot() is { } root
        ? Path.Combine(root, "indexes", "demo")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "ProductSearch", "indexes", "demo");

    /// <summary>
    /// Whether the demo index at <paramref name="indexPath"/> must be built (no index yet) or updated (built by an
    /// older version, <see cref="IndexManifest.HasCurrentLexicalAnalysis"/>) before it is opened; an update keeps the
    /// index's own model (<paramref name="existing"/>), so nothing is re-embedded.
    /// </summary>
    public static bool NeedsBuildOrUpdate(string indexPath, out IndexManifest? existing)
    {
        var layout = new IndexLayout(indexPath);
        existing = layout.HasManifest ? layout.ReadManifest() : null;
        return existing is not { HasCurrentLexicalAnalysis: true };
    }

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, CatalogRelativePath))) return folder.FullName;
        }
        return null;
    }
}
