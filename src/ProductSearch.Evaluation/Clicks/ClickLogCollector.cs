using ProductSearch.Behavior;

namespace ProductSearch.Evaluation.Clicks;

/// <summary>
/// Gathers a behaviour log into what a click model needs: per search, the products seen at which positions and the
/// products chosen. Queries are added first, then events (an event can only be tied to a search already read).
/// Counts every record it cannot use, by reason, for <see cref="ClickLogReport"/>.
/// </summary>
internal sealed class ClickLogCollector(ClickModelOptions options)
{
    private const int KeptMalformed = 20;
    private const int KeptUnknown = 10;

    private readonly Dictionary<string, Search> _searches = new(StringComparer.Ordinal);
    private readonly List<(string File, int Line, string Reason)> _malformed = [];
    private readonly List<(string File, int Line, string QueryId)> _unknown = [];
    private readonly Dictionary<string, long> _otherActions = new(StringComparer.Ordinal);
    private long _queryRecords, _eventRecords, _malformedCount, _duplicates, _withoutQueryId, _unknownCount, _withoutObject, _withoutPosition;
    private bool _anyImpressionEvent;

    /// <summary>One logged search: its query, its hits from which position, and what was seen and chosen.</summary>
    internal sealed class Search(string text, IReadOnlyList<string> hits, int firstPosition)
    {
        public string Text { get; } = text;
        public IReadOnlyList<string> Hits { get; } = hits;
        public int FirstPosition { get; } = firstPosition;
        public Dictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Chosen { get; } = new(StringComparer.Ordinal);

        public int? PositionOf(string objectId)
        {
            for (var i = 0; i < Hits.Count; i++)
                if (string.Equals(Hits[i], objectId, StringComparison.Ordinal)) return FirstPosition + i;
            return null;
        }
    }

    public void AddMalformed(string file, int line, string reason)
    {
        _malformedCount++;
        if (_malformed.Count < KeptMalformed) _malformed.Add((file, line, reason));
    }

    public void AddQuery(UbiQuery query)
    {
        _queryRecords++;
        if (_searches.ContainsKey(query.QueryId))
        {
            _duplicates++;
            return;
        }
        _searches[query.QueryId] = new Search(query.UserQuery, query.QueryResponseHitIds, UbiQueries.FirstPosition(query));
    }

    public void AddEvent(UbiEvent ubiEvent, string file, int line)
    {
        _eventRecords++;
        var impression = ubiEvent.ActionName == UbiActions.Impression;
        if (!impression && !options.ChoiceActions.Contains(ubiEvent.ActionName))
        {
            _otherActions[ubiEvent.ActionName] = _otherActions.GetValueOrDefault(ubiEvent.ActionName) + 1;
            return;
        }
        if (ubiEvent.QueryId is not { } queryId)
        {
            _withoutQueryId++;
            return;
        }
        if (!_searches.TryGetValue(queryId, out var search))
        {
            if (_unknown.Count < KeptUnknown) _unknown.Add((file, line, queryId));
            _unknownCount++;
            return;
        }
        if (ubiEvent.ObjectId is not { } objectId)
        {
            _withoutObject++;
            return;
        }
        // The page knows where it showed the card; the hit list is the fallback for events that do not say.
        if ((ubiEvent.Ordinal ?? search.PositionOf(objectId)) is not { } position)
        {
            _withoutPosition++;
            return;
        }
        if (impression)
        {
            _anyImpressionEvent = true;
            search.Seen.TryAdd(objectId, position);
        }
        else
        {
            search.Chosen.TryAdd(objectId, position);
        }
    }

    /// <summary>The searches, the impression source resolved, and the counts so far as a report to complete.</summary>
    public (IEnumerable<Search> Searches, ImpressionSource Source, ClickLogReport Report) Collected()
    {
        var source = options.Impressions == ImpressionSource.Auto
            ? _anyImpressionEvent ? ImpressionSource.Events : ImpressionSource.Hits
            : options.Impressions;
        var report = new ClickLogReport
        {
            QueryRecords = _queryRecords,
            EventRecords = _eventRecords,
            MalformedLineCount = _malformedCount,
            MalformedLines = _malformed.ToArray(),
            DuplicateQueryIds = _duplicates,
            EventsWithoutQueryId = _withoutQueryId,
            EventsWithUnknownQueryId = _unknownCount,
            UnknownQueryIds = _unknown.ToArray(),
            OtherActions = new Dictionary<string, long>(_otherActions, StringComparer.Ordinal),
            EventsWithoutObject = _withoutObject,
            EventsWithoutPosition = _withoutPosition,
            ImpressionSource = source,
        };
        return (_searches.Values, source, report);
    }
}
