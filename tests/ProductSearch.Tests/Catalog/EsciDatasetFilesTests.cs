using ProductSearch.Catalog;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Catalog;

public sealed class EsciDatasetFilesTests
{
    [Fact]
    public async Task A_complete_folder_passes_with_its_row_counts()
    {
        using var temp = new TempFolder();
        await EsciDatasetFolder.WriteAsync(temp.Path);
        var checks = await EsciDatasetFiles.VerifyAsync(temp.Path);
        Assert.Equal(new long[] { 2, 2, 3 }, checks.Select(c => c.Rows));
        Assert.Equal(EsciDatasetFiles.All.Select(f => temp.File(f.Name)), checks.Select(c => c.Path));
    }

    [Fact]
    public void The_files_come_from_the_published_repository()
    {
        Assert.All(EsciDatasetFiles.All, f => Assert.EndsWith("/amazon-science/esci-data/main/shopping_queries_dataset/" + f.Name, f.Source.AbsoluteUri));
        // The Parquet files are Git LFS objects: only media.githubusercontent.com serves their bytes.
        Assert.Equal("media.githubusercontent.com", EsciDatasetFiles.Products.Source.Host);
        Assert.Equal("media.githubusercontent.com", EsciDatasetFiles.Examples.Source.Host);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        using var temp = new TempFolder();
        await EsciDatasetFolder.WriteAsync(temp.Path);
        File.Delete(temp.File(EsciDatasetFiles.Examples.Name));
        var error = await Assert.ThrowsAsync<CatalogException>(() => EsciDatasetFiles.VerifyAsync(temp.Path));
        Assert.Equal($"ESCI file '{temp.File(EsciDatasetFiles.Examples.Name)}' does not exist.", error.Message);
    }

    [Fact]
    public async Task A_products_file_without_an_expected_column_is_named_with_the_column()
    {
        using var temp = new TempFolder();
        var path = temp.File(EsciDatasetFiles.Products.Name);
        await EsciParquet.WriteAsync(path, [["a", "Shoe", null, null, null, null, "us"]], columns: EsciParquet.Columns[..6]);
        var error = await Assert.ThrowsAsync<CatalogException>(() => EsciDatasetFiles.VerifyFileAsync(path, EsciDatasetFiles.Products));
        Assert.Contains(path, error.Message);
        Assert.Contains("no column 'product_locale'", error.Message);
    }

    [Fact]
    public async Task A_parquet_file_with_no_rows_fails()
    {
        using var temp = new TempFolder();
        var path = temp.File(EsciDatasetFiles.Products.Name);
        await EsciParquet.WriteAsync(path, []);
        Assert.Contains("has no rows", (await Assert.ThrowsAsync<CatalogException>(() => EsciDatasetFiles.VerifyFileAsync(path, EsciDatasetFiles.Products))).Message);
    }

    [Fact]
    public async Task A_cut_off_parquet_file_fails()
    {
        using var temp = new TempFolder();
        await EsciDatasetFolder.WriteAsync(temp.Path);
        var path = temp.File(EsciDatasetFiles.Examples.Name);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..^10]);
        Assert.Contains("cut short", (await Assert.ThrowsAsync<CatalogException>(() => EsciDatasetFiles.VerifyAsync(temp.Path))).Message);
    }

    [Theory]
    [InlineData("query_id;source\n0;other\n", "does not start with the header \"query_id,source\"")]
    [InlineData("<html><body>404</body></html>", "its first line is \"<html>")]
    [InlineData("", "it is empty")]
    [InlineData("query_id,source\n", "has a header but no rows")]
    public async Task A_sources_file_needs_its_header_and_rows(string content, string expected)
    {
        using var temp = new TempFolder();
        var path = temp.File(EsciDatasetFiles.Sources.Name);
        await File.WriteAllTextAsync(path, content);
        Assert.Contains(expected, (await Assert.ThrowsAsync<CatalogException>(() => EsciDatasetFiles.VerifyFileAsync(path, EsciDatasetFiles.Sources))).Message);
    }
}
