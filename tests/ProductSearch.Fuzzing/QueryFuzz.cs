namespace ProductSearch.Fuzzing;

/// <summary>
/// Generated search requests against an open engine. The rule: an answer, or an <see cref="ArgumentException"/>
/// naming a bad parameter — never any other exception.
/// </summary>
public static class QueryFuzz
{
    public const string Surface = "engine";

    /// <summary>
    /// The parameters an <see cref="ArgumentException"/> may name: those of <see cref="SearchRequest"/> and
    /// <see cref="SearchFilters"/>. One naming anything else comes from deeper inside and is a finding.
    /// </summary>
    private static readonly HashSet<string> RequestParameters =
        [.. typeof(SearchRequest).GetProperties().Concat(typeof(SearchFilters).GetProperties()).Select(p => p.Name), "request", "filters"];

    /// <summary>Runs requests until <paramref name="count"/> are tried or <paramref name="until"/> passes.</summary>
    public static void Run(SearchEngine engine, Random random, FuzzReport report, int count, DateTime until)
    {
        for (var i = 0; i < count && DateTime.UtcNow < until; i++)
        {
            var request = Request(random);
            report.Tried1(Surface);
            try
            {
                engine.Search(request);
            }
            catch (ArgumentException ex) when (RequestParameters.Contains(ex.ParamName ?? ""))
            {
                // a refused parameter of the request, named: the rule allows it
            }
            catch (Exception ex)
            {
                report.Found(Surface, Describe(request), $"{ex.GetType().FullName}: {ex.Message}");
            }
        }
    }

    private static SearchRequest Request(Random random) => new()
    {
        Query = FuzzText.Query(random),
        Mode = (SearchMode)random.Next(3),
        K = random.Next(10) == 0 ? random.Next(-5, 2000) : random.Next(1, 101),
        Offset = random.Next(10) == 0 ? random.Next(-5, 20_000) : random.Next(0, 50),
        Explain = random.Next(4) == 0,
        ExplainLexical = random.Next(8) == 0,
        Filters = random.Next(3) != 0 ? null : new SearchFilters
        {
            Brands = random.Next(2) == 0 ? null : Enumerable.Range(0, random.Next(0, 4)).Select(_ => FuzzText.Value(random)).ToArray(),
            Colors = random.Next(2) == 0 ? null : [FuzzText.Phrase(random, 1)],
            Categories = random.Next(3) == 0 ? [FuzzText.Value(random)] : null,
            Locale = random.Next(4) == 0 ? FuzzText.Value(random) : null,
            MinPrice = random.Next(3) == 0 ? random.Next(-10, 100) : null,
            MaxPrice = random.Next(3) == 0 ? random.Next(-10, 100) : null,
            FieldEquals = random.Next(4) == 0
                ? new Dictionary<string, string> { [FuzzText.Pick(random, ["brand", "price", "rating", "product_id", "nonsense", ""])] = FuzzText.Value(random) }
                : null,
            Conditions = random.Next(3) == 0
                ? [new SearchFilter(FuzzText.Pick(random, Fields), (FilterOperator)random.Next(-1, 6), [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => FuzzText.Value(random))])]
                : null,
        },
        Sort = random.Next(5) == 0 ? new SearchSort(FuzzText.Pick(random, Fields), random.Next(2) == 0) : null,
        Facets = random.Next(4) == 0
            ? [new FacetRequest(FuzzText.Pick(random, Fields)) { Ranges = random.Next(3) == 0 ? [new FacetRange(random.Next(-5, 50), random.Next(2) == 0 ? null : random.Next(-5, 100))] : null }]
            : null,
    };

    /// <summary>Field names a filter, sort or facet may name: built-ins, ESCI's spelling, unknown ones and nonsense.</summary>
    private static readonly string[] Fields = ["brand", "color", "price", "rating", "rating_count", "category", "locale", "product_id", "product_brand", "size", "nonsense", "", " "];

    private static string Describe(SearchRequest r) =>
        $"mode {r.Mode}, k {r.K}, offset {r.Offset}, explain {r.Explain}/{r.ExplainLexical}, filters {(r.Filters is null ? "none" : "some")}, query \"{r.Query}\"";
}
