using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Hardening;

/// <summary>Issue 14, item 1: a long query searches, whatever its number of distinct terms.</summary>
public sealed class LongQueryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // Each distinct term becomes one clause per field, and past Lucene's 1,024 clauses a search threw
    // TooManyClausesException; the lexical query now keeps the rarest LexicalQueryBuilder.MaxTerms terms and the
    // response says how many it left out.
    [Theory]
    [InlineData(350)]
    [InlineData(3000)]
    public void A_query_of_many_distinct_terms_searches(int terms)
    {
        var index = _temp.File("index");
        TinyIndex.Build(index);
        using var engine = TinyIndex.Open(index);
        var query = "white shoes " + string.Join(' ', Enumerable.Range(0, terms).Select(i => $"w{i}"));
        foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Bm25 })
        {
            var response = engine.Search(new SearchRequest { Query = query, Mode = mode });
            Assert.NotEmpty(response.Hits);
            Assert.InRange(response.QueryTermsDropped, terms - ProductSearch.Lexical.LexicalQueryBuilder.MaxTerms, terms + 2 - ProductSearch.Lexical.LexicalQueryBuilder.MaxTerms);
        }
        Assert.Equal(0, engine.Search(new SearchRequest { Query = "white shoes" }).QueryTermsDropped);
    }

    public void Dispose() => _temp.Dispose();
}
