using System.Net;
using System.Text;

namespace ProductSearch.Cli;

/// <summary>Turns the engine's highlighted titles (HTML, matches in &lt;mark&gt;) into terminal text with bold matches.</summary>
internal static class Highlights
{
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    /// <summary>The highlight as text of at most <paramref name="width"/> visible characters, the marked words bold.</summary>
    public static string ToAnsi(string highlight, int width)
    {
        var text = new StringBuilder();
        var visible = 0;
        foreach (var (part, marked) in Parts(highlight))
        {
            var plain = WebUtility.HtmlDecode(part).ReplaceLineEndings(" ");
            if (visible + plain.Length > width) plain = plain[..Math.Max(0, width - visible - 1)] + "…";
            text.Append(marked ? Bold + plain + Reset : plain);
            visible += plain.Length;
            if (visible >= width) break;
        }
        return text.ToString();
    }

    private static IEnumerable<(string Part, bool Marked)> Parts(string highlight)
    {
        var at = 0;
        while (at < highlight.Length)
        {
            var open = highlight.IndexOf("<mark>", at, StringComparison.Ordinal);
            if (open < 0) { yield return (highlight[at..], false); yield break; }
            if (open > at) yield return (highlight[at..open], false);
            var close = highlight.IndexOf("</mark>", open, StringComparison.Ordinal);
            if (close < 0) { yield return (highlight[(open + 6)..], true); yield break; }
            yield return (highlight[(open + 6)..close], true);
            at = close + 7;
        }
    }
}
