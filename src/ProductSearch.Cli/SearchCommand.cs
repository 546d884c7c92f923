using ProductSearch.Demo;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Lexical;
using ProductSearch.Ranking;

namespace ProductSearch.Cli;

/// <summary><c>productsearch search "&lt;query&gt;"</c>: hybrid (or single-retriever) search over an index.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What the shopper typed." };
        var index = CliOptions.Index(required: false);
        var k = new Option<int>("-k", "--k") { Description = "Number of results (1–1000).", DefaultValueFactory = _ => 10 };
        var mode = new Option<string>("--mode")
        {
            Description = "hybrid (BM25 + dense fused, then the index's learned ranker when it is enabled), bm25, dense, or ranked-hybrid (the index's stored ranker, enabled or not).",
            DefaultValueFactory = _ => SearchMode.Hybrid.Name(),
        };
        mode.AcceptOnlyFromAmong(Enum.GetValues<SearchMode>().Select(m => m.Name()).ToArray());
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var offset = new Option<int>("--offset") { Description = "Results to skip first (pagination, 0–10000)." };
        var brand = new Option<string[]>("--brand") { Description = "Only this brand (repeat for any of several).", AllowMultipleArgumentsPerToken = false };
        var color = new Option<string[]>("--color") { Description = "Only this color (repeat for any of several)." };
        var category = new Option<string[]>("--category") { Description = "Only products with this category at some level (repeat for any of several)." };
        var minPrice = new Option<decimal?>("--min-price") { Description = "Lowest price, inclusive." };
        var maxPrice = new Option<decimal?>("--max-price") { Description = "Highest price, inclusive." };
        var filter = new Option<string[]>("--filter")
        {
            Description = "A condition on a filterable field of the index's schema: FIELD=VALUE (any of: FIELD=A,B), FIELD<N, FIELD<=N, FIELD>N, FIELD>=N " +
                          "(e.g. \"rating>=4\", \"size=M,L\", \"in_stock=true\"); repeatable, all must hold.",
        };
        var sort = new Option<string?>("--sort") { Description = "Order by a sortable field instead of relevance: FIELD:asc or FIELD:desc (e.g. price:asc); relevance breaks ties." };
        var facet = new Option<string[]>("--facet") { Description = "Count the values (keywords) or ranges (numbers: price bands, rating 1+..4+) of a facetable field over the whole result set; repeatable." };
        var fusion = new Option<FusionMethod?>("--fusion") { Description = "Override the index's fusion method: rrf or convex (with the profile's other settings)." };
        var explain = new Option<bool>("--explain") { Description = "Show why each result ranks where it does." };
        var explainLucene = new Option<bool>("--explain-lucene") { Description = "With --explain: also Lucene's explanation of each BM25 score." };
        var noTypos = new Option<bool>("--no-typos") { Description = "Match words exactly: no typo tolerance, no corrections." };
        var wholeWords = new Option<bool>("--whole-words") { Description = "Take the last word as complete (no prefix matching, as if the query ended in a space)." };
        var noRules = new Option<bool>("--no-rules") { Description = "Leave the index's merchandising rules out (the ranking as it is without pins, hides, boosts and buries)." };
        var locale = new Option<string?>("--locale") { Description = "The query's language: us (English), es (Spanish) or jp (Japanese); default: the catalog's most common." };
        var model = CliOptions.Model();
        var device = CliOptions.Device();
        var verbose = CliOptions.Verbose();
        var command = new Command("search", "Search an index.")
        {
            query, index, k, offset, mode, brand, color, category, minPrice, maxPrice, filter, sort, facet, fusion, explain, explainLucene, noTypos, wholeWords, noRules, locale, json, model, device, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var filters = new SearchFilters
            {
                Brands = parse.GetValue(brand),
                Colors = parse.GetValue(color),
                Categories = parse.GetValue(category),
                MinPrice = parse.GetValue(minPrice),
                MaxPrice = parse.GetValue(maxPrice),
                Conditions = parse.GetValue(filter) is { Length: > 0 } conditions ? conditions.Select(SearchFilter.Parse).ToArray() : null,
            };
            var request = new SearchRequest
            {
                Query = parse.GetValue(query) ?? string.Empty,
                K = parse.GetValue(k),
                Offset = parse.GetValue(offset),
                Mode = SearchModes.TryParse(parse.GetValue(mode)!, out var chosen) ? chosen : SearchMode.Hybrid,
                Filters = filters.IsEmpty ? null : filters,
                Explain = parse.GetValue(explain) || parse.GetValue(explainLucene),
                ExplainLexical = parse.GetValue(explainLucene),
                TypoTolerance = !parse.GetValue(noTypos),
                CompleteLastWord = !parse.GetValue(wholeWords),
                MerchandisingRules = !parse.GetValue(noRules),
                Locale = parse.GetValue(locale),
                Sort = parse.GetValue(sort) is { } sortBy ? SearchSort.Parse(sortBy) : null,
                Facets = parse.GetValue(facet) is { Length: > 0 } facets ? facets.Select(f => new FacetRequest(f.Trim())).ToArray() : null,
            };
            request.Validate(); // before any model loads, so a bad query answers at once
            using var loggers = CliLogging.Create(parse.GetValue(verbose));
            var indexPath = parse.GetValue(index);
            var deviceChoice = ComputeDevice.Parse(parse.GetValue(device)!);
            if (indexPath is null)
            {
                indexPath = DemoIndex.IndexPath;
                if (DemoIndex.NeedsBuildOrUpdate(indexPath, out var existing))
                {
                    await Console.Error.WriteLineAsync(existing is not null
                        ? $"The demo index {indexPath} was built by an older version: updating its lexical index (no re-embedding)."
                        : $"No demo index yet: building {indexPath} from {DemoIndex.CatalogPath} (once).");
                    await IndexRunner.RunAsync(DemoIndex.CatalogPath, indexPath, CliOptions.Given(parse, model) ?? existing?.Model.Source ?? parse.GetValue(model)!,
                        deviceChoice, loggers, Console.Error, cancellationToken);
                }
            }

            using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = indexPath, Model = CliOptions.Given(parse, model), Device = deviceChoice }, loggers);
            if (parse.GetValue(fusion) is { } method) request = request with { Ranking = engine.DefaultProfile with { Method = method } };
            var response = await engine.SearchAsync(request, cancellationToken);
            if (parse.GetValue(json)) PrintJson(engine, request, response);
            else PrintTable(engine, request, response);
            return 0;
        }));
        return command;
    }

    private static void PrintTable(SearchEngine engine, SearchRequest request, SearchResponse response)
    {
        Console.WriteLine($"\"{request.Query}\" — {request.Mode.Name()} search over {Counts.Of(engine.Manifest.ProductCount, "product")} " +
                          $"({engine.IndexPath}; model {engine.Embedder.ModelName} on {engine.Embedder.ActiveDevice})");
        if (response.DidYouMean is { } meant) Console.WriteLine($"Searched for: {meant}   (did you mean it? --no-typos searches the words as typed)");
        Console.WriteLine();
        Console.WriteLine($"{"#",3}  {"id",-12}  {"title",-60}  {"brand",-16}  {"bm25 rank/score",-16}  {"dense rank/cos",-16}  {"fused",8}");
        foreach (var hit in response.Hits)
        {
            Console.WriteLine($"{hit.Rank,3}  {Cut(hit.Product.Id, 12),-12}  {Title(hit, 60)}  {Cut(hit.Product.Brand ?? "", 16),-16}  " +
                              $"{Retriever(hit.Lexical, "F2"),-16}  {Retriever(hit.Dense, "F3"),-16}  {hit.Score.ToString("F4", CultureInfo.InvariantCulture),8}");
            if (hit.Explanation is { } why)
            {
                Console.WriteLine($"     why: {why.Formula}");
                foreach (var note in hit.Merchandising) Console.WriteLine($"     rule: {note}");
                if (why.RankerContributions is { } contributions) Console.WriteLine("     ranker: " + Contributions(contributions));
                if (why.LuceneExplanation is { } lucene)
                    foreach (var line in lucene.TrimEnd().Split('\n')) Console.WriteLine("          " + line.TrimEnd());
            }
        }
        if (response.Hits.Count == 0) Console.WriteLine("  (no results)");
        if (request.Explain && response.MatchedRules.Count > 0)
            Console.WriteLine($"Merchandising rules applied: {string.Join(", ", response.MatchedRules)}" +
                              (response.Hidden.Count > 0 ? $"; hidden: {string.Join(", ", response.Hidden.Select(h => $"{h.ProductId} ({h.Rule})"))}." : "."));
        if (response.FilterMatches is { } matches) Console.WriteLine($"{Counts.Of(matches, "product")} {(matches == 1 ? "passes" : "pass")} the filters.");
        if (response.QueryTermsDropped > 0)
            Console.WriteLine($"The query has more than {LexicalQueryBuilder.MaxTerms} distinct words; BM25 searched the {LexicalQueryBuilder.MaxTerms} rarest " +
                              $"and left out {response.QueryTermsDropped}.");
        if (response.BelowFloor > 0)
            Console.WriteLine($"The relevance floor left out {Counts.Of(response.BelowFloor, "dense candidate")} that BM25 did not find" +
                              (response.BelowFloorIds.Count > 0 ? $": {string.Join(", ", response.BelowFloorIds.Take(20))}{(response.BelowFloorIds.Count > 20 ? ", …" : "")}." : "."));
        if (response.LexicalBelowFloorIds.Count > 0)
            Console.WriteLine($"The BM25 floor (a minimum share of {request.Ranking?.MinimumMatchShare ?? engine.DefaultProfile.MinimumMatchShare:P0} of the query's words) left out " +
                              $"{response.LexicalBelowFloorIds.Count} candidates matching too few of them: {string.Join(", ", response.LexicalBelowFloorIds.Take(20))}{(response.LexicalBelowFloorIds.Count > 20 ? ", …" : "")}.");
        foreach (var (field, counts) in response.Facets)
            Console.WriteLine($"{field}: {(counts.Count == 0 ? "(none)" : string.Join(", ", counts.Select(c => $"{c.Value} ({c.Count})")))}");
        Console.WriteLine();
        Console.WriteLine($"{(response.TotalHitsIsLowerBound ? "at least " : "")}{Counts.Of(response.TotalHits, "product")} in the result set{(request.Sort is { } by ? $", sorted by {by}" : "")}.");
        Console.WriteLine($"{Counts.Of(response.Hits.Count, "result")} in {response.Elapsed.TotalMilliseconds:F1} ms (query embedding {response.EmbeddingTime.TotalMilliseconds:F1} ms).");
    }

    /// <summary>"fused_rank=3 +1.204, title_exact_share=0.67 +0.402, …": every feature the model used, largest part first.</summary>
    private static string Contributions(IReadOnlyList<FeatureContribution> contributions) => string.Join(", ", contributions
        .Where(c => c.Contribution != 0)
        .OrderByDescending(c => Math.Abs(c.Contribution))
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Feature}={c.Value:0.###} {c.Contribution:+0.000;-0.000}")))
        is { Length: > 0 } text ? text : "(no feature moved the score)";

    private static string Retriever(Ranking.RetrieverHit? hit, string format) =>
        hit is { } h ? $"#{h.Rank} {h.Score.ToString(format, CultureInfo.InvariantCulture)}" : "—";

    /// <summary>The title cut to <paramref name="width"/>, its matched words in bold when standard output is a terminal.</summary>
    private static string Title(SearchHit hit, int width)
    {
        var plain = Cut(hit.Product.Title, width);
        var padding = new string(' ', Math.Max(0, width - plain.Length));
        if (Console.IsOutputRedirected || hit.Highlight is null) return plain + padding;
        return Highlights.ToAnsi(hit.Highlight, width) + padding;
    }

    private static string Cut(string text, int width)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= width ? single : single[..(width - 1)] + "…";
    }

    private static void PrintJson(SearchEngine engine, SearchRequest request, SearchResponse response)
    {
        var payload = new
        {
            query = request.Query,
            mode = request.Mode.Name(),
            index = engine.IndexPath,
            model = engine.Embedder.ModelName,
            device = engine.Embedder.ActiveDevice,
            offset = request.Offset,
            filter_matches = response.FilterMatches,
            did_you_mean = response.DidYouMean,
            below_floor = response.BelowFloor,
            below_floor_ids = response.BelowFloorIds,
            query_terms_dropped = response.QueryTermsDropped,
            lexical_below_floor_ids = response.LexicalBelowFloorIds,
            rules = response.MatchedRules.Select(r => new { number = r.Number, name = r.Name }),
            hidden = response.Hidden.Select(h => new { product_id = h.ProductId, rule = h.Rule.Number }),
            total_hits = response.TotalHits,
            total_hits_lower_bound = response.TotalHitsIsLowerBound,
            sort = request.Sort?.ToString(),
            facets = response.Facets.ToDictionary(f => f.Key, f => f.Value.Select(c => c.Range is { } range ? (object)new { value = c.Value, count = c.Count, min = range.Min, max = range.Max } : new { value = c.Value, count = c.Count })),
            elapsed_ms = Math.Round(response.Elapsed.TotalMilliseconds, 3),
            embedding_ms = Math.Round(response.EmbeddingTime.TotalMilliseconds, 3),
            results = response.Hits.Select(h => new
            {
                rank = h.Rank,
                product_id = h.Product.Id,
                title = h.Product.Title,
                highlight = h.Highlight,
                brand = h.Product.Brand,
                color = h.Product.Color,
                price = h.Product.Price,
                rating = h.Product.Rating,
                attributes = h.Product.Attributes.Count == 0 ? null : h.Product.Attributes.ToDictionary(a => a.Key, a => a.Value.Number ?? a.Value.Boolean ?? (object?)a.Value.Keyword),
                score = h.Score,
                ranker_score = h.RankerScore,
                merchandising = h.Merchandising.Select(n => new { rule = n.Rule.Number, rule_name = n.Rule.Name, action = n.Action.ToString().ToLowerInvariant(), detail = n.Detail }),
                bm25 = h.Lexical is { } l ? new { rank = l.Rank, score = l.Score } : null,
                dense = h.Dense is { } d ? new { rank = d.Rank, score = d.Score } : null,
                explanation = h.Explanation is { } e ? new
                {
                    formula = e.Formula, lexical_part = e.LexicalPart, dense_part = e.DensePart, lucene = e.LuceneExplanation,
                    ranker = e.RankerContributions?.Select(c => new { feature = c.Feature, value = c.Value, contribution = c.Contribution }),
                } : null,
            }),
        };
        Console.WriteLine(JsonSerializer.Serialize(payload, new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
