using System.CommandLine;
using ProductSearch.Indexing;

namespace ProductSearch.Cli;

/// <summary><c>productsearch verify --index DIR</c>: checks the three stores agree; exits 1 naming what differs.</summary>
internal static class VerifyCommand
{
    public const int Inconsistent = 1;

    public static Command Create()
    {
        var index = CliOptions.Index(required: true);
        var command = new Command("verify", "Check that the product store, BM25 index and HNSW graph agree with each other and the manifest.") { index };
        command.SetAction((parse, _) =>
        {
            var report = IndexVerifier.Verify(parse.GetValue(index)!);
            if (report.IsConsistent)
            {
                Console.WriteLine($"{report.IndexPath}: consistent — {report.Manifest!.ProductCount:N0} products in all three stores (generation {report.Manifest.Generation}).");
                return Task.FromResult(0);
            }
            Console.Error.WriteLine($"{report.IndexPath}: NOT consistent:");
            foreach (var problem in report.Problems) Console.Error.WriteLine("  - " + problem);
            Console.Error.WriteLine("Rebuild it with 'productsearch index <catalog> --index DIR --rebuild'.");
            return Task.FromResult(Inconsistent);
        });
        return command;
    }
}
