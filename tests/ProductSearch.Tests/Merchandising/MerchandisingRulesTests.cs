using ProductSearch.Catalog;
using ProductSearch.Indexing;
using ProductSearch.Merchandising;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Merchandising;

/// <summary>
/// Merchandising rules on a hand-made catalog: each effect is checked against the same search without rules, so the
/// tests say what the rules did to the order rather than what BM25 or the fake embedder make of the titles.
/// </summary>
public sealed class MerchandisingRulesTests : IDisposable
{
    private static readonly Product[] Catalog =
    [
        new() { Id = "h1", Title = "Claw Hammer 16 oz", Brand = "Acme", Rating = 4.5, Price = 19 },
        new() { Id = "h2", Title = "Claw Hammer Steel Handle", Brand = "Forge", Rating = 3.0, Price = 25 },
        new() { Id = "h3", Title = "Rubber Hammer for Tiles", Brand = "Acme", Rating = 2.0, Price = 9 },
        new() { Id = "h4", Title = "Sledge Hammer Heavy", Brand = "Forge", Rating = 4.8, Price = 45 },
        new() { Id = "h5", Title = "Hammer Drill Cordless", Brand = "Bolt", Rating = 4.0, Price = 89 },
        new() { Id = "h6", Title = "Hammer Tacker Stapler", Brand = "Bolt", Rating = 2.5, Price = 30 },
        new() { Id = "h7", Title = "Claw Hammer Fiberglass", Brand = "Acme", Rating = 3.9, Price = 22 },
        new() { Id = "s1", Title = "Stainless Steel Saucepan", Brand = "Acme", Rating = 4.1, Price = 35 },
        new() { Id = "g1", Title = "Garden Hose 50 ft", Brand = "Acme", Rating = 4.2, Price = 40 },
        new() { Id = "g2", Title = "Garden Gloves", Brand = "Forge", Rating = 4.4, Price = 12 },
    ];

    private readonly TempFolder _temp = new();
    private readonly string _path;
    private readonly SearchEngine _engine;

    public MerchandisingRulesTests()
    {
        _path = _temp.File("index");
        _engine = TinyIndex.Serve(_path, Catalog);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _temp.Dispose();
    }

    private IndexCommitReport SetRules(string json)
    {
        using var writer = IndexWriter.Open(_path, TinyIndex.Embedder, TinyIndex.ModelSource);
        var report = writer.SetMerchandisingRules(MerchandisingRuleSet.Parse(json));
        _engine.Refresh();
        return report;
    }

    private SearchResponse Search(string query, bool rules = true, int k = 20, int offset = 0, SearchFilters? filters = null, bool explain = false) =>
        _engine.Search(new SearchRequest { Query = query, Mode = SearchMode.Bm25, K = k, Offset = offset, Filters = filters, MerchandisingRules = rules, Explain = explain });

    private string[] Ids(string query, bool rules = true, SearchFilters? filters = null) => Search(query, rules, filters: filters).Hits.Select(h => h.Product.Id).ToArray();

    private static readonly HashSet<string> Acme = Catalog.Where(p => p.Brand == "Acme").Select(p => p.Id).ToHashSet();

    [Fact]
    public void A_hidden_product_never_appears_and_the_others_keep_their_order()
    {
        var plain = Ids("hammer", rules: false);
        Assert.Contains("h2", plain);
        SetRules("""{"rules": [{"query": {"contains": ["hammer"]}, "hide": ["h2"]}]}""");
        Assert.Equal(plain.Where(id => id != "h2"), Ids("hammer"));
        Assert.All(Enumerable.Range(0, plain.Length), offset => Assert.DoesNotContain("h2", Search("hammer", k: 1, offset: offset).Hits.Select(h => h.Product.Id)));
        var explained = Search("hammer", explain: true);
        Assert.Equal("h2", Assert.Single(explained.Hidden).ProductId);
        Assert.Equal(1, explained.Hidden[0].Rule.Number);
    }

    [Fact]
    public void Boosting_moves_the_matching_candidates_up_as_a_block_keeping_their_relative_order()
    {
        var plain = Ids("hammer", rules: false);
        SetRules("""{"rules": [{"name": "acme first", "query": {"contains": ["hammer"]}, "boost": ["brand=ACME"]}]}""");
        var boosted = Search("hammer");
        Assert.Equal(plain.Where(Acme.Contains).Concat(plain.Where(id => !Acme.Contains(id))), boosted.Hits.Select(h => h.Product.Id));
        var note = Assert.Single(boosted.Hits[0].Merchandising);
        Assert.Equal(MerchandisingAction.Boosted, note.Action);
        Assert.Equal("boosted (brand=ACME) by rule 1 ('acme first')", note.ToString());
        Assert.All(boosted.Hits.Where(h => !Acme.Contains(h.Product.Id)), h => Assert.Empty(h.Merchandising));
    }

    [Fact]
    public void Burying_moves_the_matching_candidates_down_and_a_product_both_boosted_and_buried_stays_with_the_others()
    {
        var plain = Ids("hammer", rules: false);
        SetRules("""
            {"rules": [
              {"query": {"contains": ["hammer"]}, "bury": ["rating<3"]},
              // h3 is Acme and rated 2: boosted by one rule, buried by the other, so it stays among the neutral ones
              {"query": {"contains": ["hammer"]}, "boost": ["brand=acme", "price<=20"]},
            ]}
            """);
        var low = Catalog.Where(p => p.Rating < 3).Select(p => p.Id).ToHashSet();
        var up = Catalog.Where(p => p.Brand == "Acme" && p.Price <= 20).Select(p => p.Id).ToHashSet();
        int Tier(string id) => (up.Contains(id) ? 1 : 0) - (low.Contains(id) ? 1 : 0);
        Assert.Equal(plain.OrderByDescending(Tier), Ids("hammer"));
        Assert.Equal("h1", Ids("hammer")[0]); // Acme, 19, rated 4.5
        Assert.Equal(2, Search("hammer").Hits.Single(h => h.Product.Id == "h3").Merchandising.Count);
    }

    [Fact]
    public void Pins_place_products_at_their_positions_even_products_that_were_not_candidates()
    {
        var plain = Ids("hammer", rules: false);
        Assert.DoesNotContain("g1", plain);
        SetRules($$"""{"rules": [{"query": {"exact": "hammer"}, "pin": [{"id": "g1", "position": 2}, {"id": "{{plain[^1]}}", "position": 1}]}]}""");
        var response = Search("hammer", explain: true);
        var ids = response.Hits.Select(h => h.Product.Id).ToArray();
        Assert.Equal([plain[^1], "g1"], ids[..2]);
        Assert.Equal(plain[..^1], ids[2..]);
        Assert.Equal("pinned at position 2 (not among the candidates) by rule 1", response.Hits[1].Merchandising.Single().ToString());
        Assert.Contains("not among the candidates", response.Hits[1].Explanation!.Formula);
        Assert.Null(response.Hits[1].Lexical);
        Assert.Equal("pinned at position 1 by rule 1", response.Hits[0].Merchandising.Single().ToString());
    }

    [Fact]
    public void A_pinned_product_that_fails_the_request_s_filters_is_not_shown_and_hide_wins_over_pin()
    {
        SetRules("""
            {"rules": [
              {"query": {"contains": ["hammer"]}, "pin": [{"id": "g1", "position": 1}, {"id": "g2", "position": 2}]},
              {"query": {"contains": ["claw"]}, "hide": ["g2"]}
            ]}
            """);
        var forge = new SearchFilters { Brands = ["Forge"] };
        var ids = Ids("hammer", filters: forge);
        Assert.DoesNotContain("g1", ids); // Acme: fails brand=Forge
        Assert.Equal("g2", ids[1]); // positions are absolute: g2 keeps position 2 though the pin at 1 is not shown
        Assert.All(ids, id => Assert.Equal("Forge", Catalog.Single(p => p.Id == id).Brand));
        Assert.DoesNotContain("g2", Ids("claw hammer")); // pinned by rule 1, hidden by rule 2
        Assert.Equal("g1", Ids("claw hammer")[0]);
    }

    [Fact]
    public void A_pin_past_the_end_goes_last_and_two_pins_at_one_position_take_it_in_file_order()
    {
        var plain = Ids("hammer", rules: false);
        SetRules("""
            {"rules": [
              {"query": {"contains": ["hammer"]}, "pin": [{"id": "g1", "position": 1}, {"id": "s1", "position": 500}]},
              {"query": {"contains": ["hammer"]}, "pin": [{"id": "g2", "position": 1}, {"id": "g1", "position": 4}]}
            ]}
            """);
        var ids = Ids("hammer");
        Assert.Equal(["g1", "g2"], ids[..2]); // g1's first pin wins; g2 asked for 1 too and takes the next free position
        Assert.Equal("s1", ids[^1]);
        Assert.Equal(plain, ids[2..^1]);
    }

    [Theory]
    [InlineData("claw hammer", true, true)]
    [InlineData("  Claw   HAMMER ", true, true)]
    [InlineData("claw-hammer!", true, true)]
    [InlineData("ｃｌａｗ hammer", true, true)] // full-width letters read as plain ones (NFKC)
    [InlineData("hammer claw", false, true)]
    [InlineData("steel claw hammer", false, true)]
    [InlineData("claw hammers", false, false)]
    [InlineData("hammer", false, false)]
    public void Exact_rules_match_the_same_words_in_order_and_contains_rules_every_word_anywhere(string query, bool exact, bool contains)
    {
        SetRules("""
            {"rules": [
              {"name": "exact", "query": {"exact": "Claw Hammer"}, "hide": ["h1"]},
              {"name": "contains", "query": {"contains": ["hammer", "CLAW"]}, "hide": ["h2"]}
            ]}
            """);
        var matched = Search(query).MatchedRules.Select(r => r.Name).ToArray();
        Assert.Equal(exact, matched.Contains("exact"));
        Assert.Equal(contains, matched.Contains("contains"));
        Assert.Empty(Search(query, rules: false).MatchedRules);
    }

    [Fact]
    public void Pages_cut_from_the_merchandised_order_never_repeat_or_skip_a_product()
    {
        SetRules("""
            {"rules": [{"query": {"contains": ["hammer"]}, "pin": [{"id": "g1", "position": 3}, {"id": "h5", "position": 1}],
                        "hide": ["h2"], "boost": ["brand=acme"], "bury": ["rating<3"]}]}
            """);
        var whole = Ids("hammer");
        Assert.Equal(whole.Length, whole.Distinct().Count());
        var paged = Enumerable.Range(0, (whole.Length + 1) / 2).SelectMany(page => Search("hammer", k: 2, offset: page * 2).Hits).ToArray();
        Assert.Equal(whole, paged.Select(h => h.Product.Id));
        Assert.Equal(Enumerable.Range(1, whole.Length), paged.Select(h => h.Rank));
        Assert.Equal(["h5", "g1"], [whole[0], whole[2]]);
    }

    [Fact]
    public void Rules_apply_in_hybrid_mode_after_fusion()
    {
        var request = new SearchRequest { Query = "claw hammer", K = 20, Mode = SearchMode.Hybrid };
        var plain = _engine.Search(request with { MerchandisingRules = false }).Hits.Select(h => h.Product.Id).ToArray();
        SetRules("""{"rules": [{"query": {"exact": "claw hammer"}, "pin": [{"id": "g2", "position": 1}], "bury": ["brand=acme"]}]}""");
        var ids = _engine.Search(request).Hits.Select(h => h.Product.Id).ToArray();
        var rest = plain.Where(id => id != "g2").ToArray();
        Assert.Equal(["g2", .. rest.Where(id => !Acme.Contains(id)), .. rest.Where(Acme.Contains)], ids);
    }

    [Fact]
    public void Rules_are_a_commit_an_engine_on_the_older_commit_keeps_the_older_rules_and_later_commits_carry_them_forward()
    {
        var plain = Ids("hammer", rules: false);
        using (var writer = IndexWriter.Open(_path, TinyIndex.Embedder, TinyIndex.ModelSource))
            Assert.Equal(2, writer.SetMerchandisingRules(MerchandisingRuleSet.Parse("""{"rules": [{"query": {"exact": "hammer"}, "pin": [{"id": "g1", "position": 1}]}]}""")).Manifest.Generation);
        Assert.Equal(plain, Ids("hammer")); // the engine still reads generation 1, which has no rules
        Assert.Empty(_engine.MerchandisingRules.Rules);
        Assert.True(_engine.Refresh());
        Assert.Equal("g1", Ids("hammer")[0]);

        TinyIndex.Write(_path, [Catalog[0] with { Title = "Claw Hammer 20 oz" }]); // a product change: the rules come along
        Assert.True(_engine.Refresh());
        Assert.Equal(3, _engine.Manifest.Generation);
        Assert.Equal("g1", Ids("hammer")[0]);
        Assert.Single(MerchandisingRulesStore.Read(_path).Rules);

        using (var writer = IndexWriter.Open(_path, TinyIndex.Embedder, TinyIndex.ModelSource)) writer.SetMerchandisingRules(null);
        Assert.True(_engine.Refresh());
        Assert.Empty(Search("hammer").MatchedRules);
        Assert.Equal(Ids("hammer", rules: false), Ids("hammer"));
        Assert.False(File.Exists(new IndexLayout(_path).MerchandisingRulesPath(_engine.Manifest.Generation)));
    }

    [Theory]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "boost": ["in_stock=false"]}]}""", 1, "boost[0]", "in_stock")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "hide": ["a"]}, {"query": {"exact": "x"}, "bury": ["brand=a", "rating>=high"]}]}""", 2, "bury[1]", "'high' is not a number")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "bury": ["brand>3"]}]}""", 1, "bury[0]", "brand")]
    public void A_condition_the_index_schema_cannot_resolve_is_refused_naming_rule_and_field_and_commits_nothing(string json, int rule, string field, string problem)
    {
        var generation = _engine.Manifest.Generation;
        var error = Assert.Throws<MerchandisingRulesException>(() => SetRules(json));
        Assert.Equal(rule, error.RuleNumber);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
        _engine.Refresh();
        Assert.Equal(generation, _engine.Manifest.Generation);
    }

    [Fact]
    public void A_condition_on_a_custom_attribute_boosts_the_products_that_carry_it()
    {
        TinyIndex.Write(_path, [Catalog[5] with { Attributes = new Dictionary<string, AttributeValue> { ["in_stock"] = AttributeValue.Of(true) } }]);
        SetRules("""{"rules": [{"query": {"contains": ["hammer"]}, "boost": ["in_stock=true"]}]}""");
        Assert.NotEqual(Catalog[5].Id, Ids("hammer", rules: false)[0]);
        Assert.Equal(Catalog[5].Id, Ids("hammer")[0]);
    }

    [Fact]
    public void A_rule_naming_a_product_the_index_lacks_is_kept_reported_at_commit_and_listed_by_verify()
    {
        var report = SetRules("""{"rules": [{"name": "promo", "query": {"exact": "hammer"}, "pin": [{"id": "zz9", "position": 1}, {"id": "g1", "position": 2}], "hide": ["gone"]}]}""");
        Assert.Equal(["rule 1 ('promo') pins 'zz9'", "rule 1 ('promo') hides 'gone'"], report.UnknownRuleProducts.Select(u => u.ToString()));
        Assert.Equal("g1", Ids("hammer")[1]); // the unknown pin is skipped, the known one placed
        var verified = IndexVerifier.Verify(_path);
        Assert.True(verified.IsConsistent);
        Assert.Equal(report.UnknownRuleProducts, verified.UnknownRuleProducts);

        TinyIndex.Write(_path, [new Product { Id = "zz9", Title = "Gold Hammer" }]);
        Assert.Equal(["gone"], IndexVerifier.Verify(_path).UnknownRuleProducts.Select(u => u.ProductId));
        _engine.Refresh();
        Assert.Equal(["zz9", "g1"], Ids("hammer")[..2]); // the rule applies once its product is indexed
    }

    [Fact]
    public void The_result_cache_keeps_answers_with_and_without_rules_apart()
    {
        SetRules("""{"rules": [{"query": {"exact": "hammer"}, "hide": ["h1"]}]}""");
        using var cached = TinyIndex.Open(_path); // the result cache is on by default
        var request = new SearchRequest { Query = "hammer", Mode = SearchMode.Bm25 };
        Assert.DoesNotContain("h1", cached.Search(request).Hits.Select(h => h.Product.Id));
        Assert.Contains("h1", cached.Search(request with { MerchandisingRules = false }).Hits.Select(h => h.Product.Id));
        Assert.DoesNotContain("h1", cached.Search(request).Hits.Select(h => h.Product.Id));
    }

    [Fact]
    public void A_damaged_rules_file_is_named_by_verify()
    {
        SetRules("""{"rules": [{"query": {"exact": "hammer"}, "hide": ["h1"]}]}""");
        var rulesPath = new IndexLayout(_path).MerchandisingRulesPath(_engine.Manifest.Generation);
        File.WriteAllText(rulesPath, "{\"rules\": [");
        var report = IndexVerifier.Verify(_path, checkFiles: false);
        Assert.Contains(report.Problems, p => p.Contains(MerchandisingRuleSet.FileName, StringComparison.Ordinal));
    }
}
