using ProductSearch.Indexing;

namespace ProductSearch.Fuzzing;

/// <summary>
/// What a search, <c>verify</c> and an upsert each made of a (damaged) index: for the damage matrix test and its
/// longer run in the benchmarks. Clean means: a search answers or fails with the engine's own error, verify names a
/// problem (or says there is no index), an upsert is refused with the engine's own error.
/// </summary>
public sealed record DamageOutcome(bool SearchClean, string Search, bool VerifyFound, string Verify, bool UpsertRefused, string Upsert)
{
    /// <summary>Whether all three answered as they must.</summary>
    public bool Clean => SearchClean && VerifyFound && UpsertRefused;

    /// <summary>Runs the three on <paramref name="index"/>: <paramref name="open"/> opens an engine on it, <paramref name="upsert"/> writes a few changed products.</summary>
    public static DamageOutcome Of(string index, Func<string, SearchEngine> open, Func<string, Indexing.IndexCommitReport> upsert)
    {
        var (searchClean, search) = Try(() =>
        {
            using var engine = open(index);
            return $"answered with {engine.Search(new SearchRequest { Query = "white shoes" }).Hits.Count} hits";
        });
        var (verifyClean, verify) = Try(() =>
        {
            var report = IndexVerifier.Verify(index);
            return report.IsConsistent ? "consistent" : "problems: " + string.Join("; ", report.Problems);
        });
        var (upsertClean, written) = Try(() => $"committed generation {upsert(index).Manifest.Generation}");
        return new DamageOutcome(searchClean, search,
            verifyClean && !verify.StartsWith("consistent", StringComparison.Ordinal), verify,
            upsertClean && written.StartsWith("refused", StringComparison.Ordinal), written);
    }

    private static (bool Clean, string What) Try(Func<string> action)
    {
        try
        {
            return (true, action());
        }
        catch (ProductSearchException ex)
        {
            return (true, $"refused ({ex.Reason}): {ex.Message}");
        }
        catch (Exception ex)
        {
            return (false, $"unclean {ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}");
        }
    }
}
