using System.CommandLine;
using ProductSearch.Indexing;
using ProductSearch.Merchandising;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch rules set FILE --index DIR</c>, <c>rules show --index DIR</c>, <c>rules clear --index DIR</c>: an
/// index's merchandising rules (pin, hide, boost, bury for the queries they match); a change is one commit.
/// </summary>
internal static class RulesCommand
{
    public static Command Create() => new("rules", "Show, set or clear an index's merchandising rules (pin, hide, boost or bury products for given queries).")
    {
        Set(), Show(), Clear(),
    };

    private static Command Set()
    {
        var file = new Argument<string>("file") { Description = "The rules file (JSON: {\"rules\": [...]}; see README, 'Merchandising rules')." };
        var index = CliOptions.Index(required: true);
        var verbose = CliOptions.Verbose();
        var command = new Command("set", "Replace the index's merchandising rules with those of FILE (one commit; a bad rule is refused naming the rule and field).") { file, index, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new FileNotFoundException($"Rules file '{path}' does not exist.", path);
            if (new FileInfo(path).Length > MerchandisingRuleSet.MaxBytes)
                throw new ArgumentException($"Rules file '{path}' is larger than {MerchandisingRuleSet.MaxBytes / (1024 * 1024)} MB.", "file");
            var rules = MerchandisingRuleSet.Parse(File.ReadAllText(path)); // a bad rule answers before any model loads or lock is taken
            return Commit(parse.GetValue(index)!, rules, parse.GetValue(verbose), "productsearch rules set", cancellationToken);
        }));
        return command;
    }

    private static Command Clear()
    {
        var index = CliOptions.Index(required: true);
        var verbose = CliOptions.Verbose();
        var command = new Command("clear", "Remove the index's merchandising rules (one commit).") { index, verbose };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
            Commit(parse.GetValue(index)!, MerchandisingRuleSet.Empty, parse.GetValue(verbose), "productsearch rules clear", cancellationToken)));
        return command;
    }

    private static Command Show()
    {
        var index = CliOptions.Index(required: true);
        var command = new Command("show", "Print the merchandising rules the index's current commit applies (as a rules file 'rules set' reads).") { index };
        command.SetAction((parse, _) => CliErrors.RunAsync(() =>
        {
            var rules = MerchandisingRulesStore.Read(parse.GetValue(index)!);
            Console.WriteLine(rules.Rules.Count == 0 ? "(no merchandising rules)" : rules.ToJson());
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Task<int> Commit(string indexPath, MerchandisingRuleSet rules, bool verbose, string purpose, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var report = IndexChange.Commit(indexPath, verbose, purpose, writer => writer.SetMerchandisingRules(rules));
        Console.WriteLine(rules.Rules.Count == 0
            ? $"Removed the merchandising rules of {indexPath} (generation {report.Manifest.Generation})."
            : $"Set {Counts.Of(rules.Rules.Count, "merchandising rule")} on {indexPath} (generation {report.Manifest.Generation}); searches use them from this commit on.");
        foreach (var unknown in report.UnknownRuleProducts)
            Console.Error.WriteLine($"warning: {unknown}, which the index does not hold; the rule is kept and applies once it is indexed.");
        return Task.FromResult(0);
    }

    /// <summary>One line per product the rules name that the index does not hold, for <c>verify</c> and <c>info</c>.</summary>
    public static IEnumerable<string> Unknown(IReadOnlyList<RuleProduct> unknown) =>
        unknown.Select(u => $"{u}, which the index does not hold (the rule is kept)");
}
