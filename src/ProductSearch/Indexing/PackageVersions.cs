using System.Reflection;

namespace ProductSearch.Indexing;

/// <summary>Versions of the libraries that write an index, for the manifest (so an index says what made it).</summary>
internal static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> Current { get; } = new SortedDictionary<string, string>
    {
        ["ProductSearch"] = Of(typeof(PackageVersions).Assembly),
        ["Microsoft.ML.OnnxRuntime"] = Of(typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly),
        ["Lucene.Net"] = Of(typeof(Lucene.Net.Index.IndexWriter).Assembly),
        ["LiteDB"] = Of(typeof(LiteDB.LiteDatabase).Assembly),
        ["Cloud.Unum.USearch"] = "2.26.6",
        [".NET"] = Environment.Version.ToString(),
    };

    private static string Of(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Strip the "+commit" suffix that SourceLink appends.
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
