namespace ProductSearch.Evaluation;

/// <summary>
/// Collects judged rows into <see cref="QueryJudgments"/>, whatever file they come from: checks each row, keeps
/// queries in order of first appearance, and records the rows it skips with their line (or row) number.
/// </summary>
internal sealed class JudgmentsBuilder
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Text, Dictionary<string, EsciLabel> Labels)> _byQuery = new(StringComparer.Ordinal);
    private readonly List<(int Line, string Reason)> _skipped = [];

    /// <summary>Adds one row; a missing (empty) value or an unknown label skips it.</summary>
    public void Add(int line, string? queryId, string? query, string? productId, string? label)
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
        var id = queryId!.Trim();
        if (!_byQuery.TryGetValue(id, out var entry))
        {
            entry = (query!.Trim(), new Dictionary<string, EsciLabel>(StringComparer.Ordinal));
            _byQuery[id] = entry;
            _order.Add(id);
        }
        entry.Labels[productId!.Trim()] = parsed;
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
            _order.Select(id => new QueryJudgments(id, _byQuery[id].Text, _byQuery[id].Labels)).ToArray(), _skipped.ToArray());
    }
}
