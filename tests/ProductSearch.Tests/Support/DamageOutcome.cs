using ProductSearch.Indexing;

namespace ProductSearch.Tests.Support;

/// <summary>
/// What a search, <c>verify</c> and an upsert each made of a (damaged) index: for the damage matrix test and its
/// longer run in the benchmarks. Clean means: a search answers or fails with the engine's own error, verify names a
/// problem (or says there is no index), an upsert is refused with the engine's own error.
/// </summary>
internal sealed record DamageOutcome(bool SearchClean, string Search, bool VerifyFound, string Verify, bool UpsertRefused, string Upsert)
{
    public static DamageOutcome Of(string index)
    {
        var (searchClean, search) = Try(() =>
        {
            using var engine = TinyIndex.Open(index);
            return $"answered with {engine.Search(new SearchRequest { Query = "white shoes" }).Hits.Count} hits";
        });
        var (verifyClean, verify) = Try(() =>
        {
            var report = IndexVerifier.Verify(index);
            return report.IsConsistent ? "consistent" : "problems: " + string.Join("; ", report.Problems);
        });
        var (upsertClean, upsert) = Try(() => $"committed generation {TinyIndex.Write(index, TinyIndex.Products(3, "changed ")).Manifest.Generation}");
        return new DamageOutcome(searchClean, search,
            verifyClean && !verify.StartsWith("consistent", StringComparison.Ordinal), verify,
            upsertClean && upsert.StartsWith("refused", StringComparison.Ordinal), upsert);
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
