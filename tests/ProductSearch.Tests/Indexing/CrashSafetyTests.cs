using ProductSearch.CrashHarness;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Indexing;

/// <summary>
/// kill -9 at random instants of <c>productsearch upsert</c> and <c>productsearch index --rebuild</c>, 20 times: the
/// index always opens at a whole commit and keeps every acknowledged one (benchmarks/ runs 200).
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public void Twenty_kills_leave_a_whole_openable_index_with_every_acknowledged_commit()
    {
        using var temp = new TempFolder();
        var cli = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "productsearch.exe" : "productsearch");
        var trials = new CrashTrials(cli, temp.Path, seed: 42);
        var report = trials.Run(20);
        Assert.True(report.Passed, report + "\n" + string.Join("\n", report.Failures));
        Assert.True(report.Killed >= 5, "too few trials were killed mid-run to prove anything: " + report);
    }
}
