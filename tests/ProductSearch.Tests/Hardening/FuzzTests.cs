using ProductSearch.Fuzzing;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>
/// Issue 14's standing guard: generated queries, catalog files and command lines, each surface for a few seconds
/// (seeded; the seed is printed with any finding, and <c>PRODUCTSEARCH_FUZZ_SEED</c> repeats it). The rules are the
/// fuzz classes' own: no exception but the engine's and argument errors, exit codes 0/1/2 with one-line errors,
/// every catalog record accounted for, an index unchanged after every refused write. The storefront's HTTP fuzz is
/// in the storefront tests; <c>benchmarks … -- fuzz N</c> runs all of it longer.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class FuzzTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // The engine fuzz includes queries of thousands of distinct terms, which threw TooManyClausesException before
    // the lexical query kept only its rarest terms (LongQueryTests).
    [Fact]
    public void Queries_of_every_kind_get_an_answer_or_a_parameter_error()
    {
        var report = new FuzzReport(FuzzSettings.Seed);
        var index = _temp.File("index");
        TinyIndex.Build(index, count: 200);
        using var engine = TinyIndex.Open(index);
        QueryFuzz.Run(engine, FuzzSettings.RandomFor(QueryFuzz.Surface), report, int.MaxValue, FuzzSettings.Until(8));
        Assert.True(report.Findings.Count == 0, report.Describe());
    }

    [Fact]
    public void Catalog_files_of_every_kind_are_read_accounting_for_every_record_and_indexed_or_refused_cleanly()
    {
        var report = new FuzzReport(FuzzSettings.Seed);
        CatalogFuzz.Run(_temp.File("catalogs"), TinyIndex.Embedder, TinyIndex.ModelSource, FuzzSettings.RandomFor(CatalogFuzz.Surface), report,
            int.MaxValue, FuzzSettings.Until(10), indexEvery: 5);
        Assert.True(report.Tried[CatalogFuzz.Surface] >= 20, report.Describe());
        Assert.True(report.Findings.Count == 0, report.Describe());
    }

    [Fact]
    public async Task Command_lines_of_every_kind_exit_0_1_or_2_with_one_line_errors_and_leave_refused_indexes_unchanged()
    {
        var report = new FuzzReport(FuzzSettings.Seed);
        var index = _temp.File("index");
        var catalog = _temp.File("shop.csv");
        await File.WriteAllTextAsync(catalog, "product_id,product_title,product_brand,price\np1,Stainless Steel Saucepan,Chefwell,20\np2,Claw Hammer 16 oz,Forgeline,12\np3,Girls White Sneakers,Lumora,30\n");
        Assert.Equal(0, (await CliRun.RunAsync("index", catalog, "--index", index, "--model", "minilm", "--device", "cpu")).ExitCode);
        CommandLineFuzz.Run(index, _temp.File("scratch"), FuzzSettings.RandomFor(CommandLineFuzz.Surface), report, int.MaxValue, FuzzSettings.Until(15));
        Assert.True(report.Findings.Count == 0, report.Describe());
    }

    public void Dispose() => _temp.Dispose();
}
