using System.CommandLine;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary>
/// <c>productsearch verify --index DIR [--quick]</c>: checks that the generation's files are the ones committed (their
/// SHA-256) and that the three stores agree; exits 1 naming what differs, 2 when there is no index to check.
/// </summary>
internal static class VerifyCommand
{
    public const int Inconsistent = 1;

    public static Command Create()
    {
        var index = CliOptions.Index(required: true);
        var quick = new Option<bool>("--quick") { Description = "Skip hashing the files (a pass over the whole index); only check that the stores agree." };
        var json = CliJson.Option();
        var command = new Command("verify", "Check that the index's files are the ones committed and that the product store, BM25 index and HNSW graph agree.") { index, quick, json };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(() =>
        {
            var report = IndexVerifier.Verify(parse.GetValue(index)!, checkFiles: !parse.GetValue(quick), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(Console.Out, new
                {
                    index = report.IndexPath, consistent = report.IsConsistent, generation = report.Manifest?.Generation,
                    products = report.Manifest?.ProductCount, files_checked = report.FilesChecked, problems = report.Problems,
                    unknown_rule_products = report.UnknownRuleProducts.Select(u => u.ToString()).ToArray(),
                });
                return Task.FromResult(report.IsConsistent ? 0 : Inconsistent);
            }
            // Not damage: a rule may name a product before it is indexed. Listed whatever else is found.
            foreach (var line in RulesCommand.Unknown(report.UnknownRuleProducts)) Console.WriteLine("note: " + line);
            if (report.IsConsistent)
            {
                Console.WriteLine($"{report.IndexPath}: consistent — {Counts.Of(report.Manifest!.ProductCount, "product")} in all three stores (generation {report.Manifest.Generation}); {Files(report)}.");
                return Task.FromResult(0);
            }
            Console.Error.WriteLine($"{report.IndexPath}: NOT consistent:");
            foreach (var problem in report.Problems) Console.Error.WriteLine("  - " + problem);
            Console.Error.WriteLine($"Rebuild it with 'productsearch index <catalog> --index {report.IndexPath} --rebuild'.");
            return Task.FromResult(Inconsistent);
        }));
        return command;
    }

    private static string Files(IndexVerifier.Report report) => report.FilesChecked is { } count
        ? $"{count} files match their SHA-256"
        : report.Manifest?.Files is null ? "no file hashes recorded (an index from an older version: its next commit records them)" : "file hashes not checked (--quick)";
}
