using ProductSearch.Evaluation;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Evaluation;

/// <summary>The triplet formats: TSV with and without a header, CSV, JSON Lines; bad rows reported by line.</summary>
public sealed class TripletReaderTests
{
    [Fact]
    public void Tsv_without_header_reads_query_pos_neg_in_order_and_keeps_quotes_as_text()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "t.tsv", "pipe 12 inch\t12\" Steel Pipe\t\"Quoted\" Hose\n\nshoes\tWhite Shoes\tRed Hat\n");
        var result = TripletReader.Read(path);
        Assert.Equal([new Triplet("pipe 12 inch", "12\" Steel Pipe", "\"Quoted\" Hose"), new Triplet("shoes", "White Shoes", "Red Hat")], result.Triplets);
        Assert.Empty(result.SkippedLines);

        // A first row that names one column only is data, not a header.
        var query = Write(temp, "q.tsv", "query\tSQL Query Book\tRed Hat\n");
        Assert.Equal(new Triplet("query", "SQL Query Book", "Red Hat"), Assert.Single(TripletReader.Read(query).Triplets));
    }

    [Fact]
    public void Tsv_header_may_order_the_columns_freely()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "t.tsv", "neg\tquery\tpos\nRed Hat\tshoes\tWhite Shoes\n");
        Assert.Equal(new Triplet("shoes", "White Shoes", "Red Hat"), Assert.Single(TripletReader.Read(path).Triplets));
    }

    [Fact]
    public void A_row_with_a_missing_column_is_skipped_with_its_line_number()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "t.tsv", "query\tpos\tneg\nshoes\tWhite Shoes\tRed Hat\nhat\tRed Hat\n\nbelt\t\tBrown Shoes\ncap\tBlue Cap\tGreen Cap\n");
        var result = TripletReader.Read(path);
        Assert.Equal(["shoes", "cap"], result.Triplets.Select(t => t.Query));
        Assert.Equal([(3, "missing column 'neg'"), (5, "missing column 'pos'")], result.SkippedLines);
    }

    [Fact]
    public void Csv_takes_quoted_commas_quotes_and_sentence_transformers_names()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "t.csv", "anchor,positive,negative\n\"shoes, white\",\"Shoe \"\"Classic\"\", White\",Red Hat\nhat,Red Hat\n");
        var result = TripletReader.Read(path);
        Assert.Equal(new Triplet("shoes, white", "Shoe \"Classic\", White", "Red Hat"), Assert.Single(result.Triplets));
        Assert.Equal([(3, "missing column 'neg'")], result.SkippedLines);
    }

    [Fact]
    public void Json_lines_report_lines_that_are_not_json_or_lack_a_key()
    {
        using var temp = new TempFolder();
        var path = Write(temp, "t.jsonl", """
            {"query":"shoes","pos":"White Shoes","neg":"Red Hat"}
            not json
            {"query":"hat","pos":"Red Hat"}
            {"anchor":"cap","positive":"Blue Cap","negative":"Green Cap"}
            """);
        var result = TripletReader.Read(path);
        Assert.Equal(["shoes", "cap"], result.Triplets.Select(t => t.Query));
        Assert.Equal([(2, "not JSON"), (3, "missing column 'neg'")], result.SkippedLines);
    }

    [Fact]
    public void A_file_without_a_valid_row_is_an_error_that_says_so()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => TripletReader.Read(Write(temp, "t.tsv", "query\tpos\tneg\nshoes\tWhite Shoes\n")));
        Assert.Contains("no valid row", error.Message);
        Assert.Contains("line 2: missing column 'neg'", error.Message);
        Assert.Throws<InvalidDataException>(() => TripletReader.Read(Write(temp, "h.tsv", "query\tpos\tnegative_title\na\tb\tc\n")));
        Assert.Throws<FileNotFoundException>(() => TripletReader.Read(temp.File("none.tsv")));
    }

    [Fact]
    public void A_csv_whose_header_names_no_triplet_column_is_refused_naming_what_it_lacks()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => TripletReader.Read(Write(temp, "p.csv",
            "product_id,product_title,brand,color\nk1,Claw Hammer,Acme,red\nk2,Copper Pan,Acme,copper\n")));
        Assert.Contains("no triplet columns", error.Message);
        Assert.Contains("(product_id, product_title, brand, color) lacks 'query', 'pos', 'neg'", error.Message);
    }

    [Fact]
    public void A_file_with_more_rows_skipped_than_read_is_refused()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => TripletReader.Read(Write(temp, "t.tsv",
            "query\tpos\tneg\nshoes\tWhite Shoes\tRed Hat\nhat\tRed Hat\ncap\tBlue Cap\n")));
        Assert.Contains("mostly not triplets: 2 rows skipped, 1 read (line 3: missing column 'neg')", error.Message);
    }

    [SkippableFact]
    public void The_shared_esci_triplets_read_whole()
    {
        var result = TripletReader.Read(Path.Combine(SharedData.EsciDirectory, "triplets.tsv"));
        Assert.Equal(3364, result.Triplets.Count);
        Assert.Empty(result.SkippedLines);
    }

    private static string Write(TempFolder temp, string name, string text)
    {
        File.WriteAllText(temp.File(name), text);
        return temp.File(name);
    }
}
