using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ProductSearch.Cli;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary>
/// <c>--json</c> on every command that prints a summary, in the shape README's "JSON output" lists; <c>upsert</c> reads
/// catalogs as <c>index</c> does; progress lines when output is not a terminal (issue 18, part 3).
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliJsonTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    private static async Task<JsonElement> Json(params string[] args)
    {
        var result = await CliRun.RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement; // the whole of standard output is one JSON object
    }

    [Fact]
    public async Task Index_json_says_what_was_committed_and_progress_goes_to_standard_error()
    {
        using var temp = new TempFolder();
        var catalog = temp.File("shop.csv");
        // More than one batch of the writer (256 products), and rows long enough (2 KB descriptions, never embedded) that
        // the reader's buffers have not reached the end of the file when the first batch is written.
        var description = new string('x', 2000);
        await File.WriteAllLinesAsync(catalog, ["product_id,product_title,product_description",
            .. Enumerable.Range(0, 300).Select(i => $"p{i},Item {i},{description}"), $"p0,Item zero,{description}"]);
        var result = await CliRun.RunAsync("index", catalog, "--index", temp.File("idx"), "--device", "cpu", "--model", "minilm", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.True(json.GetProperty("committed").GetBoolean());
        Assert.Equal(1, json.GetProperty("generation").GetInt64());
        Assert.Equal(300, json.GetProperty("products").GetInt64());
        Assert.Equal(300, json.GetProperty("added").GetInt32());
        Assert.Equal(1, json.GetProperty("duplicate_ids").GetInt32());
        Assert.Equal("minilm", json.GetProperty("model").GetString());
        Assert.Equal("csv", json.GetProperty("catalog").GetProperty("format").GetString());
        Assert.Equal(301, json.GetProperty("catalog").GetProperty("records_read").GetInt32());
        Assert.Equal("1 duplicate product id: the last occurrence of each was kept.", Assert.Single(json.GetProperty("notes").EnumerateArray()).GetString());

        // The test host's output is not a terminal: progress lines, on standard error, before the whole catalog is read.
        var progress = Assert.Single(result.ErrorLines);
        Assert.Matches(@"^Indexing: \d+ ?% of shop\.csv read, 256 products done", progress);
    }

    [Fact]
    public async Task Upsert_takes_format_map_and_locale_like_index_and_answers_in_json()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var catalog = temp.File("more.txt");
        await File.WriteAllTextAsync(catalog, "sku,name,maker,market\nm1,Steel Mallet,Acme,us\nm2,Martillo de Acero,Acme,es\n");

        var json = await Json("upsert", catalog, "--index", index, "--format", "csv", "--map", "id=sku,title=name", "--map", "brand=maker,locale=market",
            "--locale", "us", "--device", "cpu");
        Assert.Equal(1, json.GetProperty("added").GetInt32());
        Assert.Equal(0, json.GetProperty("deleted").GetInt32()); // an upsert keeps what the catalog does not name
        Assert.Equal(7, json.GetProperty("products").GetInt64());
        Assert.Equal(1, json.GetProperty("catalog").GetProperty("other_locale").GetInt32());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Left out 1 product of other locales (kept locale: us).");
        Assert.Contains("Steel Mallet", (await CliRun.RunAsync("search", "mallet", "--index", index, "--mode", "bm25", "--device", "cpu")).Output);

        var badFormat = await CliRun.RunAsync("upsert", catalog, "--index", index, "--format", "xml");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.StartsWith("error: Unknown catalog format 'xml'", Assert.Single(badFormat.ErrorLines));
        var badMap = await CliRun.RunAsync("upsert", catalog, "--index", index, "--format", "csv", "--map", "id=nothere");
        Assert.Equal(2, badMap.ExitCode);
        Assert.Contains("'nothere'", Assert.Single(badMap.ErrorLines));
    }

    [Fact]
    public async Task Delete_info_and_verify_answer_in_json()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var built = await Json("info", "--index", index);
        Assert.Equal(0, built.GetProperty("stores").GetProperty("store").GetProperty("delta_bytes").GetInt64()); // as built: bases only
        Assert.Equal(0, built.GetProperty("stores").GetProperty("hnsw").GetProperty("delta_bytes").GetInt64());
        var deleted = await Json("delete", "k1", "nope", "--index", index);
        Assert.True(deleted.GetProperty("committed").GetBoolean());
        Assert.Equal(1, deleted.GetProperty("deleted").GetInt32());
        Assert.Equal(1, deleted.GetProperty("not_found").GetInt32());
        Assert.Equal(5, deleted.GetProperty("products").GetInt64());
        Assert.Equal(2, deleted.GetProperty("generation").GetInt64());

        var info = await Json("info", "--index", index);
        Assert.Equal(Path.GetFullPath(index), info.GetProperty("index").GetString());
        Assert.Equal(5, info.GetProperty("products").GetInt64());
        Assert.Equal(BuiltInModels.DefaultName, info.GetProperty("model").GetProperty("name").GetString());
        foreach (var store in new[] { "store", "bm25", "hnsw" })
        {
            Assert.Equal(5, info.GetProperty("stores").GetProperty(store).GetProperty("count").GetInt64());
            Assert.True(info.GetProperty("stores").GetProperty(store).GetProperty("bytes").GetInt64() > 0);
        }
        Assert.True(info.GetProperty("consistent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("synonym_rules").ValueKind);
        // One deleted product of six stays in the deltas beside the shared bases (a merge waits for 32 changed keys).
        Assert.True(info.GetProperty("stores").GetProperty("store").GetProperty("delta_bytes").GetInt64() > 0);
        Assert.True(info.GetProperty("stores").GetProperty("hnsw").GetProperty("delta_bytes").GetInt64() > 0);
        var text = await CliRun.RunAsync("info", "--index", index);
        Assert.Matches(@"  store     5 in [\d.]+ KiB \+ delta [\d.]+ KiB \(changes since the base", text.Output);

        var verify = await Json("verify", "--index", index);
        Assert.True(verify.GetProperty("consistent").GetBoolean());
        Assert.True(verify.GetProperty("files_checked").GetInt32() > 0);
        Assert.Empty(verify.GetProperty("problems").EnumerateArray());
        var quick = await Json("verify", "--index", index, "--quick");
        Assert.Equal(JsonValueKind.Null, quick.GetProperty("files_checked").ValueKind);
    }

    [Fact]
    public async Task Tune_answers_in_json()
    {
        using var temp = new TempFolder();
        var index = temp.File("index");
        await new IndexBuilder(TestModels.MiniLm, "minilm").BuildAsync(SmallCatalog.Write(temp.File("catalog.jsonl")), index);
        var examples = SmallCatalogJudgments.Write(temp.File("examples.tsv"), 22);
        var json = await Json("tune", "--examples", examples, "--index", index, "--folds", "2", "--repeats", "1", "--dry-run", "--device", "cpu");
        Assert.Equal(22, json.GetProperty("queries").GetInt32());
        Assert.InRange(json.GetProperty("expected_ndcg10").GetDouble(), 0, 1);
        Assert.Equal(2, json.GetProperty("cross_validation").GetProperty("outer_folds").GetInt32());
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
            Assert.InRange(json.GetProperty("modes").GetProperty(mode).GetProperty("ndcg10").GetDouble(), 0, 1);
        Assert.False(json.GetProperty("stored").GetBoolean()); // --dry-run
        Assert.Null(RankingProfileStore.Read(index));
    }

    [Fact]
    public void Progress_lines_come_every_tenth_of_the_catalog_or_after_ten_quiet_seconds()
    {
        var time = new FakeTimeProvider();
        using var output = new StringWriter();
        var progress = new ProgressLines(output, "/data/catalog.jsonl", time);
        for (var done = 1; done <= 40; done++) progress.Report(new IndexBuildProgress(done * 25, done * 250, 10_000)); // 2.5 % a batch
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length); // at 10 %, 20 %, … 90 %; at 100 % the summary comes next
        Assert.All(lines, line => Assert.StartsWith("Indexing: ", line));
        Assert.Contains("of catalog.jsonl read, 900 products done", lines[^1]);

        output.GetStringBuilder().Clear();
        var slow = new ProgressLines(output, "big.parquet", time);
        slow.Report(new IndexBuildProgress(10, 1, 1_000_000));
        time.Advance(TimeSpan.FromSeconds(9));
        slow.Report(new IndexBuildProgress(20, 2, 1_000_000));
        Assert.Empty(output.ToString());
        time.Advance(TimeSpan.FromSeconds(2));
        slow.Report(new IndexBuildProgress(30, 3, 1_000_000));
        Assert.Contains("30 products done", Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
