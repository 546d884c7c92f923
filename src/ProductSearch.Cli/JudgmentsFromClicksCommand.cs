using System.CommandLine;
using System.Globalization;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch judgments from-clicks LOG… --out FILE</c>: reads a behaviour log in the UBI format (a folder, or
/// query and event files) and writes graded judgments with position bias corrected by clicks over expected clicks,
/// in the layout <c>tune</c> and <c>eval retrieval</c> read; prints what it judged and everything it left out, and why.
/// </summary>
internal static class JudgmentsFromClicksCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("LOG") { Description = "Behaviour log: a folder of ubi_queries-….jsonl and ubi_events-….jsonl files, or the files themselves.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Judgments file to write (TSV: query_id, query, product_id, esci_label, gain, impressions, clicks, expected_clicks).", Required = true };
        var defaults = new ClickModelOptions();
        var minImpressions = new Option<int>("--min-impressions") { Description = "Leave out (query, product) pairs seen fewer times than this.", DefaultValueFactory = _ => defaults.MinImpressions };
        var prior = new Option<double>("--prior") { Description = "Prior strength in expected clicks: gain = (clicks + m) / (expected clicks + m); 0 for none.", DefaultValueFactory = _ => defaults.PriorStrength };
        var impressions = new Option<string>("--impressions") { Description = "What counts as seen: impression events (events), every returned hit (hits), or events when the log has any (auto).", DefaultValueFactory = _ => "auto" };
        impressions.AcceptOnlyFromAmong("auto", "events", "hits");
        var curve = new Option<string>("--position-curve") { Description = "Expected clicks of a position: by how often it is looked at (examination, the position-based model) or by its raw click rate (click-rate, classic COEC).", DefaultValueFactory = _ => "examination" };
        curve.AcceptOnlyFromAmong("examination", "click-rate");
        var thresholds = new Option<string>("--thresholds")
        {
            Description = "Least gains labelled Exact, Substitute and Complement (below: Irrelevant), comma-separated.",
            DefaultValueFactory = _ => FormattableString.Invariant($"{defaults.ExactThreshold},{defaults.SubstituteThreshold},{defaults.ComplementThreshold}"),
        };
        var command = new Command("from-clicks", "Graded judgments from a UBI behaviour log (clicks over expected clicks per position).")
        {
            logs, output, minImpressions, prior, impressions, curve, thresholds,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var (exact, substitute, complement) = ParseThresholds(parse.GetValue(thresholds)!);
            var options = new ClickModelOptions
            {
                MinImpressions = parse.GetValue(minImpressions),
                PriorStrength = parse.GetValue(prior),
                Impressions = Enum.Parse<ImpressionSource>(parse.GetValue(impressions)!, ignoreCase: true),
                PositionCurve = parse.GetValue(curve) == "click-rate" ? PositionCurve.ClickRate : PositionCurve.Examination,
                ExactThreshold = exact,
                SubstituteThreshold = substitute,
                ComplementThreshold = complement,
            };
            var result = await ClickJudgments.FromLogsAsync(parse.GetValue(logs)!, options, cancellationToken);
            var path = parse.GetValue(output)!;
            await ClickJudgmentsWriter.WriteAsync(path, result.Judgments, cancellationToken);
            foreach (var line in Summary(result, options, path)) Console.WriteLine(line);
            return 0;
        }));
        return command;
    }

    internal static (double Exact, double Substitute, double Complement) ParseThresholds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (values.Length != 3 || values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"--thresholds must be three numbers such as 1,0.5,0.25 (Exact, Substitute, Complement), got '{text}'.", "thresholds");
        return (values[0], values[1], values[2]);
    }

    /// <summary>The lines printed after a run: what was read, the position curve, what was judged, and what was left out with the reasons.</summary>
    internal static IEnumerable<string> Summary(ClickJudgmentsResult result, ClickModelOptions options, string path)
    {
        var r = result.Report;
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var source = r.ImpressionSource == ImpressionSource.Events ? "impression events" : "every returned hit counted as seen";
        yield return $"Read {N(r.QueryRecords)} searches and {N(r.EventRecords)} events; impressions from {source}: {N(r.Impressions)} impressions, {N(r.Clicks)} clicks in {N(r.Searches)} searches.";
        var more = r.PositionRates.Count > 10 ? "  …" : "";
        yield return "Click rate by position: " + string.Join("  ", r.PositionRates.Take(10).Select(p => FormattableString.Invariant($"{p.Position}: {p.Rate:F3}"))) + more;
        if (options.PositionCurve == PositionCurve.Examination)
            yield return "Looked at (position-based model, top = 1): " + string.Join("  ", r.PositionRates.Take(10).Select(p => FormattableString.Invariant($"{p.Position}: {p.Examination:F3}"))) + more;
        var labels = result.Judgments.GroupBy(j => j.Label).ToDictionary(g => g.Key, g => g.Count());
        yield return $"Judged {N(result.Judgments.Count)} (query, product) pairs over {N(r.JudgedQueries)} queries: " +
            string.Join(", ", new[] { EsciLabel.Exact, EsciLabel.Substitute, EsciLabel.Complement, EsciLabel.Irrelevant }
                .Select(l => $"{ClickJudgmentsWriter.LabelLetter(l)} {N(labels.GetValueOrDefault(l))}")) + $". Wrote {path}.";
        var dropped = Dropped(r, options).ToArray();
        if (dropped.Length == 0) yield break;
        yield return "Left out:";
        foreach (var line in dropped) yield return "  " + line;
    }

    private static IEnumerable<string> Dropped(ClickLogReport r, ClickModelOptions options)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        string Place(string file, int line) => $"{Path.GetFileName(file)}:{line}";
        if (r.PairsBelowMinImpressions > 0)
            yield return $"{N(r.PairsBelowMinImpressions)} pairs seen fewer than {options.MinImpressions} times (holding {N(r.ClicksInPairsBelowMinImpressions)} clicks); lower --min-impressions to keep them.";
        if (r.PairsWithoutExpectedClicks > 0)
            yield return $"{N(r.PairsWithoutExpectedClicks)} pairs shown only where nobody clicked, with --prior 0 (gain 0 / 0).";
        if (r.QueriesWithoutJudgments > 0) yield return $"{N(r.QueriesWithoutJudgments)} queries with no pair left.";
        if (r.MalformedLineCount > 0)
            yield return $"{N(r.MalformedLineCount)} malformed lines: " + string.Join("; ", r.MalformedLines.Take(10).Select(m => $"{Place(m.File, m.Line)} {m.Reason}")) + (r.MalformedLineCount > 10 ? "; …" : "") + ".";
        if (r.EventsWithUnknownQueryId > 0)
            yield return $"{N(r.EventsWithUnknownQueryId)} events whose query_id no logged search has: " +
                string.Join("; ", r.UnknownQueryIds.Select(u => $"{Place(u.File, u.Line)} '{u.QueryId}'")) + (r.EventsWithUnknownQueryId > r.UnknownQueryIds.Count ? "; …" : "") + ".";
        if (r.EventsWithoutQueryId > 0) yield return $"{N(r.EventsWithoutQueryId)} impressions or clicks with no query_id.";
        if (r.EventsWithoutObject > 0) yield return $"{N(r.EventsWithoutObject)} impressions or clicks naming no object_id.";
        if (r.EventsWithoutPosition > 0) yield return $"{N(r.EventsWithoutPosition)} impressions or clicks with no ordinal, of objects their search did not return.";
        if (r.DuplicateQueryIds > 0) yield return $"{N(r.DuplicateQueryIds)} searches whose query_id came again (the first was kept).";
        if (r.SearchesWithoutImpressions > 0) yield return $"{N(r.SearchesWithoutImpressions)} searches with nothing seen (no impression events).";
        if (r.OtherActions.Count > 0)
            yield return $"{N(r.OtherActions.Values.Sum())} events of other actions: " + string.Join(", ", r.OtherActions.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {N(a.Value)}")) + ".";
        if (r.ClicksWithoutImpression > 0) yield return $"(kept) {N(r.ClicksWithoutImpression)} clicks with no impression in their search, counted as seen where clicked.";
    }
}
