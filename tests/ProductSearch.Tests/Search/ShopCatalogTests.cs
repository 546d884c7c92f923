using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Search;

/// <summary>
/// A shop's own catalog (issue 15): custom attributes, the index schema, typed filters, sorting, disjunctive facets and
/// TotalHits, each checked against a brute-force answer over the same products.
/// </summary>
public sealed class ShopCatalogTests : IDisposable
{
    private static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private static readonly string[] Materials = ["cotton", "wool", "linen"];
    private readonly TempFolder _temp = new();

    /// <summary>TinyIndex's products, each with a size, a material, a stock flag and a weight, and a rating.</summary>
    private static Product[] Catalog(int count = 120) => TinyIndex.Products(count).Select((p, i) => p with
    {
        Rating = 1 + i % 5,
        Attributes = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            ["size"] = AttributeValue.Of(Sizes[i % Sizes.Length]),
            ["material"] = AttributeValue.Of(Materials[i % Materials.Length]),
            ["in_stock"] = AttributeValue.Of(i % 3 != 0),
            ["weight_kg"] = AttributeValue.Of(0.1 * (i % 17)),
        },
    }).ToArray();

    private SearchEngine Serve(Product[] products) => TinyIndex.Serve(_temp.File("idx"), products);

    /// <summary>The whole result set of <paramref name="request"/>, read as one page as deep as the set.</summary>
    private static IReadOnlyList<Product> WholeSet(SearchEngine engine, SearchRequest request)
    {
        var first = engine.Search(request with { K = 1, Offset = 0 });
        return engine.Search(request with { K = Math.Max(1, first.TotalHits), Offset = 0, Facets = null }).Hits.Select(h => h.Product).ToArray();
    }

    private static SearchFilters Where(params string[] conditions) => new() { Conditions = conditions.Select(SearchFilter.Parse).ToArray() };

    [Fact]
    public void Schema_is_inferred_from_the_first_catalog_with_types_and_default_flags()
    {
        TinyIndex.Write(_temp.File("idx"), Catalog(20), SyncMode.Mirror);
        var schema = IndexSchema.Of(_temp.File("idx"));
        Assert.Equal(SchemaFieldType.Keyword, schema.Fields["size"].Type);
        Assert.Equal(SchemaFieldType.Boolean, schema.Fields["in_stock"].Type);
        Assert.Equal(SchemaFieldType.Number, schema.Fields["weight_kg"].Type);
        Assert.True(schema.Fields["weight_kg"].Sortable);
        Assert.False(schema.Fields["size"].Sortable);
        Assert.True(schema.Fields["price"].Sortable);
        Assert.True(File.Exists(Path.Combine(new IndexLayout(_temp.File("idx")).GenerationFolder(1), IndexSchema.FileName)));
    }

    [Fact]
    public void A_field_new_in_a_write_is_widened_to_keyword_when_a_later_batch_disagrees_and_everything_is_reindexed()
    {
        var products = Catalog(30).Select((p, i) => p with
        {
            Attributes = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal) { ["shoe_size"] = i < 20 ? AttributeValue.Of(40.0 + i % 3) : AttributeValue.Of("M") },
        }).ToArray();
        using (var writer = IndexWriter.Open(_temp.File("idx"), TinyIndex.Embedder, TinyIndex.ModelSource, new IndexWriterOptions { BatchSize = 10 }))
            writer.Write(products, new CatalogReadReport { Path = "test" }, SyncMode.Mirror);
        Assert.Equal(SchemaFieldType.Keyword, IndexSchema.Of(_temp.File("idx")).Fields["shoe_size"].Type);
        using var engine = TinyIndex.Open(_temp.File("idx"));
        var forty = engine.Search(new SearchRequest { Query = "shoes", K = 100, Filters = Where("shoe_size=40") });
        Assert.Equal(products.Count(p => p.Attributes["shoe_size"].ToString() == "40"), forty.FilterMatches);
    }

    [Fact]
    public void Schema_set_refuses_a_type_change_unless_asked_and_a_searchable_change_reanalyses_without_reembedding()
    {
        TinyIndex.Write(_temp.File("idx"), Catalog(20), SyncMode.Mirror);
        using (var writer = IndexWriter.Open(_temp.File("idx"), TinyIndex.Embedder, TinyIndex.ModelSource))
        {
            var toNumber = IndexSchema.ParseFields("""{"fields": {"size": {"type": "number", "filterable": true}}}""");
            var refused = Assert.Throws<SchemaException>(() => writer.SetSchema(toNumber));
            Assert.Contains("'size'", refused.Message);
            Assert.Contains("keyword → number", refused.Message);
            Assert.Equal(1, new IndexLayout(_temp.File("idx")).ReadManifest().Generation);

            var searchable = IndexSchema.ParseFields("""{"fields": {"material": {"type": "keyword", "filterable": true, "facetable": true, "searchable": true, "boost": 2}}}""");
            var report = writer.SetSchema(searchable);
            Assert.Equal(0, report.Embedded);
            Assert.Equal(2, report.Manifest.Generation);
        }
        Assert.True(IndexSchema.Of(_temp.File("idx")).Fields["material"].Searchable);
        using var engine = TinyIndex.Open(_temp.File("idx"));
        var linen = engine.Search(new SearchRequest { Query = "linen", K = 50, Mode = SearchMode.Bm25 });
        Assert.NotEmpty(linen.Hits);
        Assert.All(linen.Hits, h => Assert.Equal("linen", h.Product.Attributes["material"].Keyword));
    }

    [Theory]
    [InlineData("""{"fields": {"price": {"type": "keyword"}}}""", "'price' is built in as a number")]
    [InlineData("""{"fields": {"size": {"type": "keyword", "sortible": true}}}""", "sortible")]
    [InlineData("""{"fields": {"in_stock": {"type": "boolean", "sortable": true}}}""", "only number fields can be sortable")]
    [InlineData("""{"fields": {"Bad Name": {"type": "keyword"}}}""", "bad name")]
    public void A_bad_schema_file_is_refused_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<SchemaException>(() => IndexSchema.ParseFields(json));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_attribute_only_change_rewrites_the_product_without_reembedding_it()
    {
        var products = Catalog(20);
        TinyIndex.Write(_temp.File("idx"), products, SyncMode.Mirror);
        var changed = products[3] with { Attributes = new SortedDictionary<string, AttributeValue>(products[3].Attributes.ToDictionary(), StringComparer.Ordinal) { ["size"] = AttributeValue.Of("XXL") } };
        var report = TinyIndex.Write(_temp.File("idx"), [changed]);
        Assert.Equal((1, 0), (report.Updated, report.Embedded));
        var again = TinyIndex.Write(_temp.File("idx"), [changed]);
        Assert.Equal((0, 1, false), (again.Updated, again.Unchanged, again.Committed));
        using var engine = TinyIndex.Open(_temp.File("idx"));
        var xxl = engine.Search(new SearchRequest { Query = "shoes", Filters = Where("size=xxl") });
        Assert.Equal(changed.Id, Assert.Single(xxl.Hits).Product.Id);
        Assert.Equal("XXL", xxl.Hits[0].Product.Attributes["size"].Keyword);
    }

    [Fact]
    public void Typed_filters_on_attributes_and_built_ins_keep_exactly_the_products_passing_them()
    {
        var products = Catalog();
        using var engine = Serve(products);
        (string[] Conditions, Func<Product, bool> Passes)[] cases =
        [
            (["rating>=4"], p => p.Rating >= 4),
            (["price<50", "price>=30"], p => p.Price is < 50 and >= 30),
            (["rating_count>3"], p => p.RatingCount > 3),
            (["size=M,L"], p => p.Attributes["size"].Keyword is "M" or "L"),
            (["in_stock=false"], p => p.Attributes["in_stock"].Boolean == false),
            (["weight_kg<=0.5", "material=wool"], p => p.Attributes["weight_kg"].Number <= 0.5 + 1e-9 && p.Attributes["material"].Keyword == "wool"),
            (["brand=" + products[0].Brand, "rating>2"], p => p.Brand == products[0].Brand && p.Rating > 2),
        ];
        foreach (var (conditions, passes) in cases)
        {
            var response = engine.Search(new SearchRequest { Query = "shoes", K = 200, Filters = Where(conditions) });
            Assert.Equal(products.Count(passes), response.FilterMatches);
            Assert.All(response.Hits, h => Assert.True(passes(products.Single(p => p.Id == h.Product.Id)), string.Join(" ", conditions) + ": " + h.Product.Id));
        }
    }

    [Theory]
    [InlineData("colour=red", "Unknown filter field 'colour'; filterable fields: brand, category, color, in_stock")]
    [InlineData("rating>=high", "field 'rating' is a number; 'high' is not a number")]
    [InlineData("size<M", "field 'size' is a keyword; only = (any of, with commas) applies")]
    [InlineData("in_stock=yes", "field 'in_stock' is a boolean; 'yes' is not true or false")]
    public void A_filter_the_schema_cannot_apply_names_the_field_and_its_type(string condition, string expected)
    {
        using var engine = Serve(Catalog(20));
        var error = Assert.Throws<ArgumentException>(() => engine.Search(new SearchRequest { Query = "shoes", Filters = Where(condition) }));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("rating>=4", "rating", FilterOperator.GreaterOrEqual, "4")]
    [InlineData(" price < 50 ", "price", FilterOperator.Less, "50")]
    [InlineData("size=M, L", "size", FilterOperator.Equal, "M|L")]
    [InlineData("weight_kg<=1.5", "weight_kg", FilterOperator.LessOrEqual, "1.5")]
    [InlineData("rating>3", "rating", FilterOperator.Greater, "3")]
    public void SearchFilter_Parse_reads_the_documented_syntax(string text, string field, FilterOperator op, string values)
    {
        var filter = SearchFilter.Parse(text);
        Assert.Equal((field, op, values), (filter.Field, filter.Operator, string.Join('|', filter.Values)));
        Assert.Equal(filter, SearchFilter.Parse(filter.ToString()));
    }

    [Theory]
    [InlineData("rating")]
    [InlineData(">=4")]
    [InlineData("price<")]
    [InlineData("price<10,20")]
    public void SearchFilter_Parse_refuses_what_is_not_a_condition(string text) =>
        Assert.Throws<ArgumentException>(() => SearchFilter.Parse(text));

    [Fact]
    public void A_filter_made_in_code_with_an_unknown_operator_or_no_value_is_refused_naming_the_conditions()
    {
        // Found by the engine fuzz: such a filter failed deep inside with "Sequence contains no matching element".
        using var engine = Serve(Catalog(20));
        foreach (var filter in new[] { new SearchFilter("price", (FilterOperator)42, ["3"]), new SearchFilter("price", FilterOperator.Less, []), new SearchFilter("brand", FilterOperator.Equal, [" "]) })
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => engine.Search(new SearchRequest { Query = "shoes", Filters = new SearchFilters { Conditions = [filter] } }));
            Assert.Equal(nameof(SearchFilters.Conditions), error.ParamName);
        }
    }

    [Fact]
    public void Sorted_pages_never_repeat_or_skip_and_follow_the_field_with_relevance_breaking_ties()
    {
        using var engine = Serve(Catalog());
        foreach (var sort in new[] { SearchSort.Parse("price:desc"), SearchSort.Parse("rating:asc"), SearchSort.Parse("weight_kg:desc") })
        {
            var request = new SearchRequest { Query = "white shoes", K = 10, Sort = sort };
            var whole = engine.Search(request with { K = 40 });
            Assert.True(whole.TotalHits >= 30, $"{whole.TotalHits} results");
            var paged = new[] { 0, 10, 20 }.SelectMany(offset => engine.Search(request with { Offset = offset }).Hits).Select(h => h.Product.Id).ToArray();
            Assert.Equal(paged.Length, paged.Distinct().Count());
            Assert.Equal(whole.Hits.Take(30).Select(h => h.Product.Id), paged);

            var relevance = engine.Search(request with { Sort = null, K = whole.TotalHits }).Hits.Select((h, i) => (h.Product.Id, i)).ToDictionary();
            double Value(Product p) => sort.Field == "price" ? (double)p.Price!.Value : sort.Field == "rating" ? p.Rating!.Value : p.Attributes["weight_kg"].Number!.Value;
            var expected = whole.Hits.Select(h => h.Product)
                .OrderBy(p => sort.Descending ? -Value(p) : Value(p)).ThenBy(p => relevance[p.Id]).Select(p => p.Id);
            Assert.Equal(expected, whole.Hits.Select(h => h.Product.Id));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("price:asc")]
    public void Pages_past_the_candidate_depth_never_repeat_or_skip_a_product_an_earlier_page_showed(string? sort)
    {
        using var engine = Serve(Catalog());
        // A depth of 8: pages of 5 cross it at once, and every later page needs a deeper retrieval (16, 32, 64).
        var request = new SearchRequest
        {
            Query = "white shoes", K = 5, Sort = sort is null ? null : SearchSort.Parse(sort),
            Ranking = RankingProfile.Default with { CandidateDepth = 8 },
        };
        var pages = Enumerable.Range(0, 8).Select(page => engine.Search(request with { Offset = page * 5 }).Hits.Select(h => h.Product.Id).ToArray()).ToArray();
        var paged = pages.SelectMany(p => p).ToArray();
        Assert.Equal(40, paged.Length);
        Assert.Equal(paged.Length, paged.Distinct().Count());
        // One page as deep as all of them is the same sequence, and its first tier is what the profile's depth ranks.
        Assert.Equal(paged, engine.Search(request with { K = 40 }).Hits.Select(h => h.Product.Id));
        Assert.Equal(paged.Take(8), engine.Search(request with { K = 8 }).Hits.Select(h => h.Product.Id));
    }

    [Fact]
    public void Sorting_a_field_that_is_not_sortable_names_it()
    {
        using var engine = Serve(Catalog(20));
        var error = Assert.Throws<ArgumentException>(() => engine.Search(new SearchRequest { Query = "shoes", Sort = new SearchSort("size") }));
        Assert.Contains("'size' (keyword) is not sortable", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() => engine.Search(new SearchRequest { Query = "shoes", Sort = new SearchSort("popularity") }));
        Assert.Contains("Unknown sort field 'popularity'; sortable fields: price, rating, rating_count, weight_kg", unknown.Message);
    }

    [Fact]
    public void Facets_count_the_whole_result_set_and_a_facets_own_filter_is_left_out_of_its_counts()
    {
        var products = Catalog();
        using var engine = Serve(products);
        var facets = new[] { new FacetRequest("color"), new FacetRequest("size"), new FacetRequest("price"), new FacetRequest("in_stock") };
        var picked = new SearchRequest { Query = "white shoes", K = 5, Facets = facets, Filters = new SearchFilters { Colors = ["White", "Black"], Conditions = [SearchFilter.Parse("price<100")] } };
        var response = engine.Search(picked);

        var set = WholeSet(engine, picked);
        Assert.Equal(set.Count, response.TotalHits);
        Assert.Equal(Counts(set, p => p.Attributes["size"].Keyword!), Pairs(response.Facets["size"]));
        Assert.Equal(Counts(set, p => p.Attributes["in_stock"].ToString()), Pairs(response.Facets["in_stock"]));

        // Disjunctive: the colours not picked over the same search without the colour filter; the picked ones over the
        // result set itself (so they add up to what the shopper pages through); price bands without the price filter.
        var withoutColor = WholeSet(engine, picked with { Filters = picked.Filters with { Colors = null } });
        Assert.True(withoutColor.Select(p => p.Color).Distinct().Count() > 2);
        var colors = withoutColor.Where(p => p.Color is not ("White" or "Black")).Concat(set).ToArray();
        Assert.Equal(Counts(colors, p => p.Color!), Pairs(response.Facets["color"]));
        Assert.Equal(response.TotalHits, response.Facets["color"].Where(c => c.Value is "White" or "Black").Sum(c => c.Count));
        var withoutPrice = WholeSet(engine, picked with { Filters = picked.Filters with { Conditions = null } });
        var bands = response.Facets["price"];
        Assert.Equal(["0-25", "25-50", "50-100", "100-200", "200+"], bands.Select(b => b.Value));
        Assert.All(bands, b => Assert.Equal(withoutPrice.Count(p => b.Range!.Contains((double)p.Price!.Value)), b.Count));
    }

    [Fact]
    public void Facet_values_are_ordered_by_count_then_value_and_an_unknown_facet_names_the_known_ones()
    {
        using var engine = Serve(Catalog());
        var response = engine.Search(new SearchRequest { Query = "shoes", Facets = [new FacetRequest("material"), new FacetRequest("rating")] });
        var materials = response.Facets["material"];
        Assert.Equal(materials.OrderByDescending(m => m.Count).ThenBy(m => m.Value, StringComparer.Ordinal), materials);
        Assert.Equal(["1+", "2+", "3+", "4+"], response.Facets["rating"].Select(r => r.Value));
        var error = Assert.Throws<ArgumentException>(() => engine.Search(new SearchRequest { Query = "shoes", Facets = [new FacetRequest("fabric")] }));
        Assert.Contains("Unknown facet field 'fabric'; facetable fields: brand, category, color, in_stock", error.Message);
    }

    [Fact]
    public void TotalHits_is_exact_below_the_depth_and_a_lower_bound_when_bm25_fills_it()
    {
        using var engine = Serve(Catalog(200));
        var few = engine.Search(new SearchRequest { Query = "drill", Mode = SearchMode.Bm25, K = 100 });
        Assert.False(few.TotalHitsIsLowerBound);
        Assert.Equal(few.Hits.Count, few.TotalHits);
        var many = engine.Search(new SearchRequest { Query = "shoes sneakers boots white black", Mode = SearchMode.Bm25, K = 10 });
        Assert.Equal(50, many.TotalHits);
        Assert.True(many.TotalHitsIsLowerBound);
        var filtered = engine.Search(new SearchRequest { Query = "shoes", K = 100, Filters = Where("size=S", "in_stock=true", "material=wool") });
        Assert.Equal(filtered.FilterMatches, filtered.TotalHits);
        Assert.False(filtered.TotalHitsIsLowerBound);
    }

    [Fact]
    public void A_commit_keeps_a_filter_it_built_and_equal_filters_share_it_whatever_the_order_of_their_values()
    {
        var manifest = TinyIndex.Write(_temp.File("idx"), Catalog(40), SyncMode.Mirror).Manifest;
        using var searcher = ProductSearch.Lexical.Bm25Searcher.Open(new IndexLayout(_temp.File("idx")).LexicalPath(manifest.Generation));
        var schema = IndexSchema.Of(_temp.File("idx"));
        var first = searcher.Filters.Get(Where("size=M,L", "rating>=3").ToClauses(schema));
        var again = searcher.Filters.Get(Where("rating>=3", "size=L,M").ToClauses(schema));
        Assert.Same(first.Allowed, again.Allowed);
        Assert.Same(first.Lucene, again.Lucene);
        var other = searcher.Filters.Get(Where("size=M,L", "rating>3").ToClauses(schema));
        Assert.NotSame(first.Allowed, other.Allowed);
        Assert.True(other.Allowed!.Count < first.Allowed!.Count);
    }

    private static (string, int)[] Counts(IEnumerable<Product> set, Func<Product, string> value) =>
        set.GroupBy(value).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToArray();

    private static (string, int)[] Pairs(IEnumerable<FacetValue> values) => values.Select(v => (v.Value, v.Count)).ToArray();

    public void Dispose() => _temp.Dispose();
}
