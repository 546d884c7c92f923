using ProductSearch.Evaluation;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The seeded typo and prefix copies of judged queries that <c>eval retrieval --variant</c> searches.</summary>
public sealed class QueryVariantsTests
{
    private static readonly string[] Queries =
    [
        "girls white canvas sneakers", "cordless drill", "kitchen towels", "stainless steel saucepan with lid",
        "red cap", "usb c charger 65w", "running shoes for men", "bamboo tray",
    ];

    private static IReadOnlyList<QueryJudgments> Judged() =>
        Queries.Select((q, i) => new QueryJudgments($"q{i}", q, new Dictionary<string, EsciLabel> { ["p" + i] = EsciLabel.Exact })).ToArray();

    [Fact]
    public void Typos_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var first = QueryVariants.Apply(Judged(), QueryVariant.Typos, seed: 7).Select(q => q.Query).ToArray();
        Assert.Equal(first, QueryVariants.Apply(Judged(), QueryVariant.Typos, seed: 7).Select(q => q.Query));
        Assert.NotEqual(first, QueryVariants.Apply(Judged(), QueryVariant.Typos, seed: 8).Select(q => q.Query));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void A_typo_is_one_edit_in_one_word_of_five_letters_or_more(int seed)
    {
        var judged = Judged();
        var typod = QueryVariants.Apply(judged, QueryVariant.Typos, seed);
        foreach (var (clean, changed) in judged.Zip(typod))
        {
            Assert.Equal(clean.QueryId, changed.QueryId);
            Assert.Same(clean.Labels, changed.Labels); // same judgments, other text
            var before = clean.Query.Split(' ');
            var after = changed.Query.Split(' ');
            Assert.Equal(before.Length, after.Length);
            var differing = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            if (!before.Any(w => w.Length >= 5 && w.All(char.IsLetter)))
            {
                Assert.Empty(differing); // "red cap": no word long enough
                continue;
            }
            var word = Assert.Single(differing);
            Assert.True(before[word].Length >= 5 && before[word].All(char.IsLetter), $"'{before[word]}' was changed");
            Assert.Equal(1, EditDistance(before[word], after[word]));
        }
    }

    [Fact]
    public void Every_kind_of_edit_is_made_over_many_seeds()
    {
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var changed = QueryVariants.WithTypo("sneakers", new Random(seed));
            kinds.Add(changed.Length > 8 ? "insert" : changed.Length < 8 ? "delete"
                : changed.Order().SequenceEqual("sneakers".Order()) ? "swap" : "substitute");
        }
        Assert.Equal(["delete", "insert", "substitute", "swap"], kinds.Order());
    }

    [Theory]
    [InlineData("cordless drill", "cordless dri")]
    [InlineData("kitchen towels ", "kitchen tow")]
    [InlineData("saucepan", "sau")]
    [InlineData("red cap", "red cap")] // the last word has no more than 3 letters: kept whole
    [InlineData("usb c", "usb c")]
    public void A_prefix_keeps_three_letters_of_the_last_word(string query, string expected) =>
        Assert.Equal(expected, QueryVariants.Prefix(query));

    [Fact]
    public void Prefixes_apply_to_every_query_and_clean_leaves_them_alone()
    {
        Assert.Equal(["girls white canvas sne", "cordless dri", "kitchen tow"],
            QueryVariants.Apply(Judged(), QueryVariant.Prefixes, seed: 1).Take(3).Select(q => q.Query));
        Assert.Equal(Queries, QueryVariants.Apply(Judged(), QueryVariant.Clean, seed: 1).Select(q => q.Query));
    }

    /// <summary>Edits between two words, an adjacent swap counting as one (optimal string alignment).</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
