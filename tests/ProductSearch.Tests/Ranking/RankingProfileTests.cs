using ProductSearch.Indexing;
using ProductSearch.Ranking;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Ranking;

public sealed class RankingProfileTests(SyntheticIndexFixture index) : IClassFixture<SyntheticIndexFixture>
{
    [Fact]
    public void A_profile_round_trips_through_its_file()
    {
        using var temp = new TempFolder();
        var profile = new RankingProfile
        {
            Method = FusionMethod.Convex, Alpha = 0.3, Normalizer = ScoreNormalizer.Dbsf, CandidateDepth = 50,
            FieldBoosts = new Dictionary<string, float> { ["title"] = 1, ["brand"] = 0.2f }, Source = "test",
        };
        RankingProfileStore.Write(temp.Path, profile);
        var read = RankingProfileStore.Read(temp.Path)!;
        Assert.Equal(profile with { FieldBoosts = read.FieldBoosts }, read);
        Assert.Equal(profile.FieldBoosts, read.FieldBoosts);
        Assert.Contains("\"convex\"", File.ReadAllText(RankingProfileStore.PathOf(temp.Path)));
    }

    [Fact]
    public void A_damaged_profile_file_is_named()
    {
        using var temp = new TempFolder();
        File.WriteAllText(RankingProfileStore.PathOf(temp.Path), "{\"alpha\": 7}");
        var error = Assert.Throws<RankingProfileException>(() => RankingProfileStore.Read(temp.Path));
        Assert.Contains("ranking-profile.json", error.Message);
        Assert.Equal(ProductSearchErrorReason.InvalidInput, error.Reason);
    }

    [Fact]
    public async Task An_index_profile_is_picked_up_by_the_next_engine()
    {
        using var temp = new TempFolder();
        var catalog = SmallCatalog.Write(temp.File("c.jsonl"));
        var path = temp.File("index");
        await new IndexBuilder(new HashingEmbedder(), "hashing-test").BuildAsync(catalog, path);
        var tuned = new RankingProfile { Method = FusionMethod.Convex, Alpha = 0.8, Source = "test" };
        RankingProfileStore.Write(path, tuned);
        using var engine = SearchEngine.Open(new SearchEngineOptions { IndexPath = path }, new HashingEmbedder());
        Assert.Equal(tuned with { FieldBoosts = engine.DefaultProfile.FieldBoosts }, engine.DefaultProfile); // dictionaries compare by reference
        Assert.Equal(tuned.FieldBoosts, engine.DefaultProfile.FieldBoosts);
        var hit = engine.Search(new SearchRequest { Query = "white shoes", Explain = true }).Hits[0];
        Assert.Equal(FusionMethod.Convex, hit.Explanation!.Method);
        Assert.Equal(hit.Score, hit.Explanation.LexicalPart + hit.Explanation.DensePart, 9);
    }

    [Fact]
    public void Explain_names_the_rrf_terms_and_lucene_explains_bm25()
    {
        var rrf = RankingProfile.Default with { Method = FusionMethod.Rrf };
        var hit = index.Engine.Search(new SearchRequest { Query = "white leather shoes", Explain = true, ExplainLexical = true, Ranking = rrf }).Hits[0];
        Assert.StartsWith("RRF: 2/(60+", hit.Explanation!.Formula);
        Assert.Contains("weight(", hit.Explanation.LuceneExplanation);
    }

    [Theory]
    [InlineData("RrfRankConstant")]
    [InlineData("Alpha")]
    [InlineData("CandidateDepth")]
    [InlineData("FieldBoosts")]
    public void Bad_profiles_name_the_setting(string setting)
    {
        var profile = setting switch
        {
            "RrfRankConstant" => new RankingProfile { RrfRankConstant = -1 },
            "Alpha" => new RankingProfile { Alpha = 2 },
            "CandidateDepth" => new RankingProfile { CandidateDepth = 0 },
            _ => new RankingProfile { FieldBoosts = new Dictionary<string, float> { ["weight"] = 1 } },
        };
        Assert.Equal(setting, Assert.ThrowsAny<ArgumentException>(() => index.Engine.Search(new SearchRequest { Query = "a", Ranking = profile })).ParamName);
    }
}
