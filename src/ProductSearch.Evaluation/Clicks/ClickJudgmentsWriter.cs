using System.Globalization;
using System.Text;

namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// Writes judgments from clicks as a tab-separated file in the ESCI examples layout that <see cref="JudgmentsReader"/>
/// (and so <c>tune</c>, <c>eval retrieval</c>) reads: <c>query_id, query, product_id, esci_label</c>, then
/// <c>gain</c> (the graded gain nDCG uses in place of the label's) and, for the curious, <c>impressions, clicks,
/// expected_clicks</c>, which readers ignore.
/// </summary>
public static class ClickJudgmentsWriter
{
    /// <summary>The header line's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["query_id", "query", "product_id", "esci_label", "gain", "unjudged", "impressions", "clicks", "expected_clicks"];

    /// <summary>Writes <paramref name="judgments"/> to <paramref name="path"/> (replacing it), creating its folder.</summary>
    public static async Task WriteAsync(string path, IEnumerable<ClickJudgment> judgments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(judgments);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteLineAsync(string.Join('\t', Columns).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var j in judgments)
        {
            var row = string.Join('\t',
                Field(j.QueryId), Field(j.Query), Field(j.ProductId), LabelLetter(j.Label),
                j.Gain.ToString("0.######", CultureInfo.InvariantCulture), "unknown",
                j.Impressions.ToString(CultureInfo.InvariantCulture), j.Clicks.ToString(CultureInfo.InvariantCulture),
                j.ExpectedClicks.ToString("0.######", CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(row.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>E, S, C or I.</summary>
    public static string LabelLetter(EsciLabel label) => label switch
    {
        EsciLabel.Exact => "E",
        EsciLabel.Substitute => "S",
        EsciLabel.Complement => "C",
        _ => "I",
    };

    // TSV has no quoting (the reader takes quotes as text): a tab or line break inside an id would split the row.
    private static string Field(string value) => value.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? value
        : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
