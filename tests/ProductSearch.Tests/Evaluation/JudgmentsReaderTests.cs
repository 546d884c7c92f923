using ProductSearch.Evaluation;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Evaluation;

/// <summary>ESCI examples as TSV/CSV: quoting, short rows, filters.</summary>
public sealed class JudgmentsReaderTests
{
    [Fact]
    public void Csv_queries_with_quoted_commas_stay_whole()
    {
        // The reader used to split CSV lines on every comma, cutting this query in two and reading "E" as a product id.
        using var temp = new TempFolder();
        var path = Write(temp, "e.csv", "query_id,query,product_id,product_locale,esci_label\nq1,\"shoes, white\",B01,us,E\nq1,\"shoes, white\",B02,us,I\n");
        var result = JudgmentsReader.Read(path);
        var query = Assert.Single(result.Queries);
        Assert.Equal("shoes, white", query.Query);
        Assert.Equal(EsciLabel.Exact, query.LabelOf("B01"));
        Assert.Equal(EsciLabel.Irrelevant, query.LabelOf("B02"));
        Assert.Empty(result.SkippedLines);
    }

    [Fact]
    public void A_short_row_is_reported_even_when_a_filter_column_comes_last()
    {
        // The locale column comes after the label: a row that ends before it used to throw IndexOutOfRangeException.
        using var temp = new TempFolder();
        var path = Write(temp, "e.tsv", "query_id\tquery\tproduct_id\tesci_label\tproduct_locale\nq1\tshoes\tB01\tE\tus\nq1\tshoes\tB02\tS\nq1\t\tB03\tE\tus\nq1\tshoes\tB04\tX\tus\n");
        var result = JudgmentsReader.Read(path, "us");
        Assert.Equal(["B01"], Assert.Single(result.Queries).Labels.Keys);
        Assert.Equal([(3, "missing column 'product_locale'"), (4, "missing column 'query'"), (5, "unknown label 'X'")], result.SkippedLines);
    }

    [Fact]
    public void Split_and_small_version_filters_keep_the_rows_asked_for()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "e.tsv", "example_id\tquery\tquery_id\tproduct_id\tproduct_locale\tesci_label\tsmall_version\tlarge_version\tsplit\n" +
                                        "1\tshoes\t7\tB01\tus\tE\t1\t1\ttest\n2\tshoes\t7\tB02\tus\tS\t0\t1\ttest\n3\that\t8\tB03\tus\tE\t1\t1\ttrain\n4\tzapato\t9\tB04\tes\tE\t1\t1\ttest\n");
        var result = JudgmentsReader.Read(path, new ExamplesFilter { Locale = "us", Split = "test", SmallVersionOnly = true });
        var query = Assert.Single(result.Queries);
        Assert.Equal(("7", "shoes"), (query.QueryId, query.Query));
        Assert.Equal(["B01"], query.Labels.Keys);
        Assert.Equal(3, JudgmentsReader.Read(path, ExamplesFilter.None).Queries.Count);
    }

    [Fact]
    public void A_filter_on_a_column_the_file_lacks_is_an_error()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "e.tsv", "query_id\tquery\tproduct_id\tesci_label\nq1\tshoes\tB01\tE\n");
        Assert.Contains("'split'", Assert.Throws<InvalidDataException>(() => JudgmentsReader.Read(path, new ExamplesFilter { Split = "test" })).Message);
        Assert.Contains("no valid row", Assert.Throws<InvalidDataException>(() => JudgmentsReader.Read(Write(temp, "bad.tsv", "query_id\tquery\tproduct_id\tesci_label\nq1\tshoes\n"))).Message);
    }

    [Fact]
    public void A_gain_column_grades_rows_for_ndcg_in_place_of_the_label_and_a_bad_gain_is_reported()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "g.tsv", "query_id\tquery\tproduct_id\tesci_label\tgain\nq1\tlamp\tL1\tS\t0.8\nq1\tlamp\tL2\tE\t2.5\nq1\tlamp\tL3\tE\t\nq1\tlamp\tL4\tE\t-1\nq1\tlamp\tL5\tE\tmany\nq1\tlamp\tL6\tE\n");
        var result = JudgmentsReader.Read(path);
        var query = Assert.Single(result.Queries);
        Assert.Equal((0.8, 2.5, 1.0), (query.GainOf("L1"), query.GainOf("L2"), query.GainOf("L3"))); // an empty gain falls back to the label's
        Assert.Equal(EsciLabel.Substitute, query.LabelOf("L1"));
        Assert.Equal([(5, "bad gain '-1' (a number ≥ 0 is expected)"), (6, "bad gain 'many' (a number ≥ 0 is expected)"), (7, "missing column 'gain'")], result.SkippedLines);
        // Ideal order by gain: L2 (2.5), L3 (1), L1 (0.8); the labels alone would tie L2 and L3 and put L1 far below.
        var ideal = 2.5 + 1 / Math.Log2(3) + 0.8 / 2;
        Assert.Equal((0.8 + 2.5 / Math.Log2(3) + 1 / 2.0) / ideal, RankingMetrics.NdcgAt(10, ["L1", "L2", "L3"], query), 12);
    }

    [Fact]
    public void Judgments_marked_unjudged_unknown_pass_over_unjudged_products_in_ndcg_and_mrr()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "u.tsv", "query_id\tquery\tproduct_id\tesci_label\tunjudged\nq\tx\tA\tE\tunknown\nq\tx\tB\tS\tunknown\nr\ty\tC\tE\tirrelevant\nr\ty\tD\tE\tmaybe\n");
        var result = JudgmentsReader.Read(path);
        var (q, r) = (result.Queries[0], result.Queries[1]);
        Assert.Equal((false, true), (q.Complete, r.Complete));
        Assert.Equal([(5, "bad unjudged 'maybe' (irrelevant or unknown)")], result.SkippedLines);
        // Condensed: Z is unknown and passed over, so A and B hold ranks 1 and 2 — the ideal order.
        Assert.Equal(1.0, RankingMetrics.NdcgAt(10, ["Z", "A", "B"], q), 12);
        Assert.Equal(1.0, RankingMetrics.ReciprocalRankAt(10, ["Z", "A"], q));
        // Complete judgments count Z as irrelevant: C drops to rank 2.
        Assert.Equal(1 / Math.Log2(3), RankingMetrics.NdcgAt(10, ["Z", "C"], r), 12);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRankAt(10, ["Z", "C"], r));
    }

    [Fact]
    public void Esci_files_without_a_gain_column_score_exactly_as_before()
    {
        using var temp = new TempFolder();
        var query = Assert.Single(JudgmentsReader.Read(Write(temp, "e.tsv", "query_id\tquery\tproduct_id\tesci_label\nq\tx\tA\tS\nq\tx\tB\tE\nq\tx\tC\tC\n")).Queries);
        Assert.Null(query.Gains);
        Assert.True(query.Complete);
        var expected = (0.1 + 0.01 / Math.Log2(3) + 1 / 2.0) / (1 + 0.1 / Math.Log2(3) + 0.01 / 2.0);
        Assert.Equal(expected, RankingMetrics.NdcgAt(10, ["A", "C", "B"], query), 12);
    }

    [SkippableFact]
    public void The_shared_examples_hold_100_queries_and_4522_judgments()
    {
        var result = JudgmentsReader.Read(Path.Combine(SharedData.EsciDirectory, "examples.tsv"));
        Assert.Equal(100, result.Queries.Count);
        Assert.Equal(4522, result.Queries.Sum(q => q.Labels.Count));
        Assert.Equal(2280, result.Queries.Sum(q => q.ExactProducts.Count()));
        Assert.Empty(result.SkippedLines);
    }

    private static string Write(TempFolder temp, string name, string text)
    {
        File.WriteAllText(temp.File(name), text);
        return temp.File(name);
    }
}
