using ProductSearch.Benchmarks.Common;
using ProductSearch.Benchmarks.Scale;
using ProductSearch.Catalog;
using ProductSearch.Fuzzing;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Hardening;

/// <summary>
/// <c>damage [rounds]</c>: the damage matrix at length. An index of 2,000 synthetic products; for every file of its
/// generation and the manifest, each damage (cut, inverted bytes, deleted, emptied) — cuts and inverted bytes at
/// <c>rounds</c> random places — on a fresh copy; then a search, <c>verify</c> (in the engine, and the command line's
/// exit code) and an upsert must each answer cleanly, and the copy must be unchanged afterwards.
/// </summary>
internal static class DamageRun
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var work = Path.Combine(Path.GetTempPath(), "productsearch-damage-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# damage matrix — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()} — load average {LoadAverage.OneMinute()}");
        try
        {
            var pristine = Path.Combine(work, "pristine");
            var manifest = Write(pristine, Products(2000, ""), SyncMode.Mirror).Manifest;
            var random = new Random(20261206);
            var rows = new List<string>();
            var (cells, clean, cliClean) = (0, 0, 0);
            foreach (var file in manifest.Files!.Keys.Append("../manifest.json"))
            {
                foreach (var damage in Enum.GetValues<Damage>())
                {
                    var tries = damage is Damage.FlipBytes or Damage.Truncate ? rounds : 1;
                    var (ok, cliOk, searchAnswered) = (0, 0, 0);
                    for (var t = 0; t < tries; t++)
                    {
                        var copy = Path.Combine(work, "copy");
                        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
                        ScratchFiles.CopyFolder(pristine, copy);
                        var path = Path.GetFullPath(Path.Combine(new IndexLayout(copy).GenerationFolder(manifest.Generation), file));
                        FileDamage.Apply(path, damage, t == 0 ? null : random);
                        var before = FolderState.Capture(copy);
                        var outcome = DamageOutcome.Of(copy, Open, index => Write(index, Products(3, "changed "), SyncMode.Upsert));
                        var verify = ChildCli.Run("verify", "--index", copy);
                        var unchanged = FolderState.Difference(before, copy) is null;
                        cells++;
                        if (outcome.Clean && unchanged) { ok++; clean++; }
                        else Console.WriteLine($"  NOT CLEAN {file} {damage}: {outcome}; unchanged {unchanged}");
                        if (verify.ExitCode is 1 or 2 && !verify.Error.Contains("   at ", StringComparison.Ordinal)) { cliOk++; cliClean++; }
                        else Console.WriteLine($"  CLI verify {file} {damage}: exit {verify.ExitCode}: {verify.Error}");
                        if (outcome.Search.StartsWith("answered", StringComparison.Ordinal)) searchAnswered++;
                    }
                    rows.Add($"| {file} | {damage} | {tries} | {ok} | {cliOk} | {searchAnswered} answered, {tries - searchAnswered} refused |");
                }
            }
            Console.WriteLine("| file | damage | trials | search, verify, upsert clean; index unchanged | `productsearch verify` exit 1/2 | search |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var row in rows) Console.WriteLine(row);
            Console.WriteLine($"{cells} damaged copies: {clean} answered cleanly by search, verify and upsert (index unchanged); {cliClean} found by the command line's verify.");
            return clean == cells && cliClean == cells ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static SearchEngine Open(string index) => SearchEngine.Open(new SearchEngineOptions { IndexPath = index }, new SyntheticEmbedder());

    private static IndexCommitReport Write(string index, IEnumerable<Product> products, SyncMode mode)
    {
        using var writer = IndexWriter.Open(index, new SyntheticEmbedder(), "synthetic");
        return writer.Write(products, new CatalogReadReport { Path = "synthetic" }, mode);
    }

    private static IEnumerable<Product> Products(int count, string prefix) => Enumerable.Range(0, count).Select(i =>
        new Product { Id = "s" + i, Title = $"{prefix}product {i} {SyntheticWords[i % SyntheticWords.Length]}", Brand = "b" + i % 40, Price = i % 300 });

    private static readonly string[] SyntheticWords = ["white shoes", "phone case", "leather belt", "tea towel", "drill", "lamp", "mug", "jacket"];
}
