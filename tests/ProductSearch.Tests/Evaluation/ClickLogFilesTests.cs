using ProductSearch.Behavior;
using ProductSearch.Cli;
using ProductSearch.Evaluation;
using ProductSearch.Evaluation.Clicks;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Evaluation;

/// <summary>Judgments from log files: what is left out is reported with file and line, and the written file reads back as judgments.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ClickLogFilesTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Malformed_lines_unknown_query_ids_and_unusable_events_are_reported_and_the_rest_is_judged()
    {
        using var temp = new TempFolder();
        var queries = new List<string>();
        var events = new List<string>();
        for (var s = 0; s < 4; s++)
        {
            queries.Add(Line(new UbiQuery { QueryId = $"q{s}", UserQuery = "lamp", Timestamp = Time, QueryResponseHitIds = ["L1", "L2"] }));
            events.Add(Line(UbiEvent.OnObject(UbiActions.Impression, $"q{s}", "L1", 1, Time)));
            events.Add(Line(UbiEvent.OnObject(UbiActions.Impression, $"q{s}", "L2", 2, Time)));
            if (s < 2) events.Add(Line(UbiEvent.OnObject(UbiActions.Click, $"q{s}", "L2", 2, Time)));
        }
        queries.Insert(2, "{\"query_id\":\"broken\"");                                                      // line 3: not JSON
        queries.Add(Line(new UbiQuery { QueryId = "q0", UserQuery = "again", Timestamp = Time }));           // line 6: duplicate id
        events.Add("{\"action_name\":\"click\",\"query_id\":\"q1\",\"timestamp\":\"2026-11-27T12:00:00Z\",\"event_attributes\":{\"position\":{\"ordinal\":0}}}"); // 11: ordinal 0
        events.Add(Line(UbiEvent.OnObject(UbiActions.Click, "gone", "L1", 1, Time)));                         // 12: unknown query id
        events.Add(Line(new UbiEvent { ActionName = UbiActions.Click, QueryId = "q2", Timestamp = Time }));  // 13: no object
        events.Add(Line(UbiEvent.OnObject(UbiActions.Click, "q3", "L9", 1, Time) with { EventAttributes = new UbiEventAttributes { Object = new UbiObject { ObjectId = "L9" } } })); // 14: no position
        events.Add(Line(new UbiEvent { ActionName = "login", Timestamp = Time }));                           // 15: another action
        events.Add("");                                                                                     // blank: passed over
        File.WriteAllLines(temp.File("ubi_queries-2026-11-27.jsonl"), queries);
        File.WriteAllLines(temp.File("ubi_events-2026-11-27.jsonl"), events);

        var result = await ClickJudgments.FromLogsAsync([temp.Path], new ClickModelOptions { MinImpressions = 4, PositionCurve = PositionCurve.ClickRate });
        var r = result.Report;
        Assert.Equal((5L, 14L), (r.QueryRecords, r.EventRecords));
        Assert.Equal(2, r.MalformedLineCount);
        Assert.Equal([("ubi_queries-2026-11-27.jsonl", 3), ("ubi_events-2026-11-27.jsonl", 11)], r.MalformedLines.Select(m => (Path.GetFileName(m.File), m.Line)));
        Assert.Contains("not JSON", r.MalformedLines[0].Reason);
        Assert.Contains("event_attributes.position.ordinal", r.MalformedLines[1].Reason);
        Assert.Equal(1, r.DuplicateQueryIds);
        Assert.Equal(1, r.EventsWithUnknownQueryId);
        Assert.Equal(("ubi_events-2026-11-27.jsonl", 12, "gone"), (Path.GetFileName(r.UnknownQueryIds[0].File), r.UnknownQueryIds[0].Line, r.UnknownQueryIds[0].QueryId));
        Assert.Equal((1L, 1L), (r.EventsWithoutObject, r.EventsWithoutPosition));
        Assert.Equal(new Dictionary<string, long> { ["login"] = 1 }, r.OtherActions);
        // L1: 4 impressions at 1, never clicked; L2: 4 at 2, clicked twice. r1 = 0, r2 = 0.5: L2's expected clicks are 2,
        // its gain (2 + 1) / (2 + 1); L1 has no evidence either way, (0 + 1) / (0 + 1).
        Assert.Equal([("L1", 0, 0.0, 1.0), ("L2", 2, 2.0, 1.0)], result.Judgments.Select(j => (j.ProductId, j.Clicks, j.ExpectedClicks, j.Gain)));
    }

    [Fact]
    public async Task The_command_writes_judgments_that_tune_and_eval_read_with_their_gains_and_says_what_it_left_out()
    {
        using var temp = new TempFolder();
        var log = new ClickJudgmentsTests.Log()
            .Searches("desk lamp", ["L1", "L2", "L3"], 10, new() { ["L1"] = 3, ["L3"] = 3 })
            .Searches("bulb", ["B1", "B2"], 10, new() { ["B1"] = 5 })
            .Searches("rare", ["R1"], 2, new() { ["R1"] = 1 });
        var folder = temp.File("ubi");
        await using (var writer = new BehaviorLogWriter(new BehaviorLogOptions { Folder = folder }))
        {
            foreach (var query in log.Queries) Assert.True(writer.TryWrite(query));
            foreach (var ubiEvent in log.Events) Assert.True(writer.TryWrite(ubiEvent));
        }
        File.AppendAllText(Directory.GetFiles(folder, "ubi_events-*").Single(), "not json\n");
        var output = temp.File("out/clicks.tsv");

        var (exit, printed) = await ConsoleCapture.RunAsync(() => CliApp.RunAsync(["judgments", "from-clicks", folder, "--out", output, "--prior", "0", "--position-curve", "click-rate"]));
        Assert.Equal(0, exit);
        // L2 and B2 sat second, where nobody clicked: with no prior their gain is 0 / 0, and they are left out.
        Assert.Contains("Judged 3 (query, product) pairs over 2 queries: E 2, S 1, C 0, I 0.", printed);
        Assert.Contains("1 pairs seen fewer than 10 times (holding 1 clicks)", printed);
        Assert.Contains("2 pairs shown only where nobody clicked", printed);
        Assert.Matches(@"1 malformed lines: ubi_events-\d{4}-\d{2}-\d{2}\.jsonl:\d+ not JSON", printed);

        var lines = File.ReadAllLines(output);
        Assert.Equal("query_id\tquery\tproduct_id\tesci_label\tgain\tunjudged\timpressions\tclicks\texpected_clicks", lines[0]);
        var read = JudgmentsReader.Read(output);
        Assert.Empty(read.SkippedLines);
        var lamp = read.Queries.Single(q => q.Query == "desk lamp");
        Assert.Equal(ClickJudgments.QueryIdOf("desk lamp"), lamp.QueryId);
        // r1 = (3 + 5 + 1) / 22 (R1, below the minimum, still counts in the rates), r2 = 0, r3 = 3 / 10.
        var r1 = 9 / 22.0;
        Assert.Equal(3 / (10 * r1), lamp.GainOf("L1"), 5);
        Assert.Equal(1.0, lamp.GainOf("L3"), 5);
        Assert.Equal(EsciLabel.Exact, lamp.LabelOf("L3"));
        Assert.Equal(0.0, lamp.GainOf("L2"));
        // nDCG reads the graded gains: L3 before L1 is the ideal order. Products the clicks never judged (L2, shown where
        // nobody clicked; X, never shown) are unknown, not irrelevant: they are passed over rather than counted 0.
        Assert.False(lamp.Complete);
        Assert.Equal(1.0, RankingMetrics.NdcgAt(10, ["L3", "L1", "L2"], lamp), 9);
        Assert.Equal(1.0, RankingMetrics.NdcgAt(10, ["X", "L3", "L2", "L1"], lamp), 9);
        Assert.True(RankingMetrics.NdcgAt(10, ["L1", "L3", "L2"], lamp) < 1);
    }

    [Fact]
    public async Task A_log_path_that_names_neither_queries_nor_events_or_does_not_exist_exits_2()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("clicks.jsonl"), "{}\n");
        Assert.Equal(2, await CliApp.RunAsync(["judgments", "from-clicks", temp.File("clicks.jsonl"), "--out", temp.File("o.tsv")]));
        Assert.Equal(2, await CliApp.RunAsync(["judgments", "from-clicks", temp.File("missing"), "--out", temp.File("o.tsv")]));
        Assert.Equal(2, await CliApp.RunAsync(["judgments", "from-clicks", temp.Path, "--out", temp.File("o.tsv")])); // no query log in it
        Assert.Equal(2, await CliApp.RunAsync(["judgments", "from-clicks", temp.Path, "--out", temp.File("o.tsv"), "--thresholds", "1,0.5"]));
        Assert.False(File.Exists(temp.File("o.tsv")));
    }

    private static string Line(UbiQuery query) => System.Text.Encoding.UTF8.GetString(UbiJsonWriter.ToLine(query)).TrimEnd('\n');

    private static string Line(UbiEvent ubiEvent) => System.Text.Encoding.UTF8.GetString(UbiJsonWriter.ToLine(ubiEvent)).TrimEnd('\n');
}
