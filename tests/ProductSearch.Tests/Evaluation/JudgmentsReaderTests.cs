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
