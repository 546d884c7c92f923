using ProductSearch.Merchandising;

namespace ProductSearch.Tests.Merchandising;

/// <summary>Reading a rules file: what it accepts, and one message naming the rule and field for what it does not.</summary>
public sealed class MerchandisingRuleSetTests
{
    [Theory]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "hide": ["a"]}, {"query": {"exact": "y"}, "pin": [{"id": "a", "position": "first"}]}]}""", 2, "pin[0].position", "expected a whole number from 1")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "hide": ["a"]}, {"query": {"exact": "y"}, "hide": ["a"],}, {"query": {"exact": "z"} "hide": []}]}""", 3, null, "malformed JSON")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "bury": ["rating"]}]}""", 1, "bury[0]", "has no operator")]
    [InlineData("""{"rules": [{"query": {"exact": "x", "contains": ["y"]}, "hide": ["a"]}]}""", 1, "query", "exactly one of")]
    [InlineData("""{"rules": [{"query": {"exact": " !! "}, "hide": ["a"]}]}""", 1, "query.exact", "no word")]
    [InlineData("""{"rules": [{"query": {"contains": []}, "hide": ["a"]}]}""", 1, "query.contains", "one or more words")]
    [InlineData("""{"rules": [{"hide": ["a"]}]}""", 1, null, "JSON")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}}]}""", 1, null, "does nothing")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "pin": [{"id": "a", "position": 0}]}]}""", 1, "pin[0].position", "not a position from 1")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "pin": [{"id": "a", "position": 1}], "hide": ["a"]}]}""", 1, "hide[0]", "both pinned and hidden")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "hide": ["a"], "boots": ["brand=a"]}]}""", 1, "boots", "unknown field")]
    [InlineData("""{"rules": [{"query": {"exact": "x"}, "hide": [null]}]}""", 1, "hide[0]", "the product id is empty")]
    [InlineData("""{"rule": []}""", null, "rule", "unknown field")]
    [InlineData("""[]""", null, null, "an object with a \"rules\" list")]
    public void A_bad_rules_file_is_refused_naming_the_rule_and_field(string json, int? rule, string? field, string problem)
    {
        var error = Assert.Throws<MerchandisingRulesException>(() => MerchandisingRuleSet.Parse(json));
        Assert.Equal(rule, error.RuleNumber);
        if (field is not null) Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("System.", error.Message); // no .NET type names
        Assert.Equal(ProductSearchErrorReason.InvalidInput, error.Reason);
    }

    [Fact]
    public void A_rules_file_reads_back_from_its_own_json_leaving_out_what_a_rule_does_not_use()
    {
        var rules = MerchandisingRuleSet.Parse("""
            // comments and trailing commas are fine in a hand-written file
            {"rules": [
              {"name": "hammers", "query": {"contains": ["hammer"]}, "pin": [{"id": "k4", "position": 1}], "boost": ["brand=Acme", "rating>=4"],},
              {"query": {"exact": "claw hammer"}, "hide": ["k2"], "bury": ["price>100"]},
            ]}
            """);
        Assert.Equal(2, rules.Rules.Count);
        var json = rules.ToJson();
        Assert.DoesNotContain("\"hide\"", json.Split("\"query\"")[1]); // the first rule hides nothing: no empty list written
        var again = MerchandisingRuleSet.Parse(json);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(new PinnedProduct("k4", 1), again.Rules[0].Pin[0]);
        Assert.Equal(["brand=Acme", "rating>=4"], again.Rules[0].Boost);
        Assert.Equal("claw hammer", again.Rules[1].Query.Exact);
    }

    [Fact]
    public void An_empty_rules_list_is_no_rule() => Assert.Same(MerchandisingRuleSet.Empty, MerchandisingRuleSet.Parse("""{"rules": []}"""));
}
