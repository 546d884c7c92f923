using System.Globalization;

namespace ProductSearch.Evaluation;

/// <summary>
/// Collects judged rows into <see cref="QueryJudgments"/>, whatever file they come from: checks each row, keeps
/// queries in order of first appearance, and records the rows it skips with their line (or row) number.
/// </summary>
internal sealed class JudgmentsBuilder
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Text, Dictionary<string, EsciLabel> Labels, Dictionary<string, double> Gains)> _byQuery = new(StringComparer.Ordinal);
    private readonly HashSet<string> _incomplete = new(StringComparer.Ordinal);
    private readonly List<(int Line, string Reason)> _skipped = [];

    /// <summary>
    /// Adds one row; a missing (empty) value, an unknown label or a gain that is not a number ≥ 0 skips it.
    /// <paramref name="gain"/> is the optional graded gain (<c>null</c> when the file has no <c>gain</c> column);
    /// <paramref name="unjudged"/> the optional <c>unjudged</c> column: <c>unknown</c> marks the query's judgments
    /// incomplete (<see cref="QueryJudgments.Complete"/>), <c>irrelevant</c> or nothing leaves them complete.
    /// </summary>
    public void Add(int line, string? queryId, string? query, string? productId, string? label, string? gain = null, string? unjudged = null)
    {
        string? missing = string.IsNullOrWhiteSpace(queryId) ? "query_id"
            : string.IsNullOrWhiteSpace(query) ? "query"
            : string.IsNullOrWhiteSpace(productId) ? "product_id"
            : string.IsNullOrWhiteSpace(label) ? "esci_label" : null;
        if (missing is not null)
        {
            Skip(line, $"missing column '{missing}'");
            return;
        }
        if (!EsciLabels.TryParse(label!, out var parsed))
        {
            Skip(line, $"unknown label '{label}'");
            return;
        }
        var unknown = unjudged?.Trim().ToLowerInvariant() switch
        {
            null or "" or "irrelevant" => false,
            "unknown" => true,
            _ => (bool?)null,
        };
        if (unknown is null)
        {
            Skip(line, $"bad unjudged '{unjudged}' (irrelevant or unknown)");
            return;
        }
        double? graded = null;
        if (!string.IsNullOrWhiteSpace(gain))
        {
            if (!double.TryParse(gain, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                Skip(line, $"bad gain '{gain}' (a number ≥ 0 is expected)");
                return;
            }
            graded = value;
        }
        var id = queryId!.Trim();
        if (!_byQuery.TryGetValue(id, out var entry))
        {
            entry = (query!.Trim(), new Dictionary<string, EsciLabel>(StringComparer.Ordinal), new Dictionary<string, double>(StringComparer.Ordinal));
            _byQuery[id] = entry;
            _order.Add(id);
        }
        if (unknown == true) _incomplete.Add(id);
        var product = productId!.Trim();
        entry.Labels[product] = parsed;
        if (graded is { } g) entry.Gains[product] = g;
        else entry.Gains.Remove(product);
    }

    /// <summary>Records a row skipped for <paramref name="reason"/>.</summary>
    public void Skip(int line, string reason) => _skipped.Add((line, reason));

    /// <summary>The queries read.</summary>
    /// <exception cref="InvalidDataException">No row was valid.</exception>
    public JudgmentsReader.Result Build(string path)
    {
        if (_order.Count == 0)
        {
            var first = _skipped.Count > 0 ? $"; line {_skipped[0].Line}: {_skipped[0].Reason}" : "";
            throw new InvalidDataException($"Judgments file '{path}' has no valid row ({_skipped.Count} skipped{first}).");
        }
        return new JudgmentsReader.Result(
            _order.Select(id => new QueryJudgments(id, _byQuery[id].Text, _byQuery[id].Labels)
            {
                Gains = _byQuery[id].Gains.Count > 0 ? _byQuery[id].Gains : null,
                Complete = !_incomplete.Contains(id),
            }).ToArray(), _skipped.ToArray());
    }
}
