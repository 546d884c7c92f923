using ProductSearch.AspNetCore;
using System.Text.RegularExpressions;

namespace Storefront.Api;

/// <summary>
/// What the API may say about the server's file system: an index by its folder name, never by its absolute path —
/// the reasons the engine gives (a damaged store, a missing index) name files for the operator's log, not for
/// whoever calls the API.
/// </summary>
internal static partial class PublicText
{
    /// <summary>The name the API shows for the index at <paramref name="indexPath"/>: its folder's name.</summary>
    public static string IndexName(string indexPath) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexPath)));

    /// <summary><paramref name="text"/> with the index folder shown by its name, and any other absolute path by its last part.</summary>
    public static string Redact(string text, string indexPath)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexPath));
        var named = text.Replace(full, IndexName(indexPath), StringComparison.Ordinal);
        return AbsolutePath().Replace(named, m => "…/" + m.Groups["last"].Value);
    }

    /// <summary><paramref name="text"/> redacted for <paramref name="source"/>: its index folder by name when it has one, any absolute path by its last part.</summary>
    public static string Redact(string text, IProductSearchSource source) =>
        source.IndexPath is { } indexPath ? Redact(text, indexPath) : AbsolutePath().Replace(text, m => "…/" + m.Groups["last"].Value);

    // A path that starts at the root (/srv/x/y or C:\x\y), not one inside a URL: the character before it is no letter, dot, colon or slash.
    [GeneratedRegex(@"(?<![\w.:/\\])(?:/|[A-Za-z]:\\)(?:[^\s'""/\\]+[/\\])+(?<last>[^\s'""/\\]*)")]
    private static partial Regex AbsolutePath();
}
