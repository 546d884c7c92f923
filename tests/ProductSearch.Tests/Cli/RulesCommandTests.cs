using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary><c>productsearch rules</c>: set, show, clear, what <c>search --explain</c>, <c>info</c> and <c>verify</c> say of them, and bad files.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class RulesCommandTests(CliIndexFixture fixture) : IClassFixture<CliIndexFixture>
{
    [Fact]
    public async Task A_bad_rules_file_exits_2_with_one_line_naming_rule_and_field_and_commits_nothing()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var manifest = await File.ReadAllTextAsync(Path.Combine(index, "manifest.json"));
        var bad = temp.File("bad.json");
        await File.WriteAllTextAsync(bad, """{"rules": [{"query": {"exact": "hammer"}, "hide": ["k2"]}, {"query": {"contains": ["pan"]}, "bury": ["colour=red"]}]}""");
        var result = await CliRun.RunAsync("rules", "set", bad, "--index", index);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("rule 2, field 'bury[0]'", line);
        Assert.Contains("colour", line);
        Assert.DoesNotContain("(Parameter", line);
        await File.WriteAllTextAsync(bad, "{\"rules\": [{\"query\": {\"exact\": \"hammer\"}, \"pin\": [{\"id\": \"k2\", \"position\": -1}]}]}");
        Assert.Contains("rule 1, field 'pin[0].position'", Assert.Single((await CliRun.RunAsync("rules", "set", bad, "--index", index)).ErrorLines));
        await File.WriteAllTextAsync(bad, "{\"rules\": [");
        Assert.Equal(2, (await CliRun.RunAsync("rules", "set", bad, "--index", index)).ExitCode);
        Assert.Equal(2, (await CliRun.RunAsync("rules", "set", temp.File("missing.json"), "--index", index)).ExitCode);

        Assert.Equal(manifest, await File.ReadAllTextAsync(Path.Combine(index, "manifest.json"))); // nothing committed
        Assert.Contains("(no merchandising rules)", (await CliRun.RunAsync("rules", "show", "--index", index)).Output);
    }

    [Fact]
    public async Task Rules_set_commit_show_in_search_explain_info_and_verify_and_clear()
    {
        using var temp = new TempFolder();
        var index = fixture.CopyIndex(temp);
        var rules = temp.File("rules.json");
        await File.WriteAllTextAsync(rules, """
            {"rules": [{"name": "tiles", "query": {"contains": ["hammer"]},
                        "pin": [{"id": "k4", "position": 1}, {"id": "nope", "position": 2}], "hide": ["k2"]}]}
            """);
        var set = await CliRun.RunAsync("rules", "set", rules, "--index", index);
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Set 1 merchandising rule", set.Output);
        Assert.Contains("(generation 2)", set.Output);
        Assert.Contains(set.ErrorLines, l => l.StartsWith("warning: rule 1 ('tiles') pins 'nope', which the index does not hold", StringComparison.Ordinal));
        Assert.Contains("\"position\": 1", (await CliRun.RunAsync("rules", "show", "--index", index)).Output);

        var search = await CliRun.RunAsync("search", "claw hammer", "--index", index, "--device", "cpu", "--explain");
        Assert.Equal(0, search.ExitCode);
        var lines = search.Output.Split('\n');
        Assert.StartsWith("  1  k4 ", lines.First(l => l.StartsWith("  1 ", StringComparison.Ordinal)));
        Assert.Contains("     rule: pinned at position 1 by rule 1 ('tiles')", lines);
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*\d+  k2 "));
        Assert.Contains("Merchandising rules applied: rule 1 ('tiles'); hidden: k2 (rule 1 ('tiles')).", search.Output);
        var json = (await CliRun.RunAsync("search", "claw hammer", "--index", index, "--device", "cpu", "--json")).Output;
        Assert.Contains("\"action\": \"pinned\"", json);
        Assert.Contains("k2", (await CliRun.RunAsync("search", "claw hammer", "--index", index, "--device", "cpu", "--no-rules")).Output);

        Assert.Contains("1 merchandising rule (", (await CliRun.RunAsync("info", "--index", index)).Output);
        var verify = await CliRun.RunAsync("verify", "--index", index);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("note: rule 1 ('tiles') pins 'nope', which the index does not hold", verify.Output);

        Assert.Equal(0, (await CliRun.RunAsync("rules", "clear", "--index", index)).ExitCode);
        Assert.Contains("(no merchandising rules)", (await CliRun.RunAsync("rules", "show", "--index", index)).Output);
        Assert.DoesNotContain("note:", (await CliRun.RunAsync("verify", "--index", index)).Output);
    }
}
