using System.Net;
using ProductSearch.Catalog;
using ProductSearch.Cli;
using ProductSearch.Tests.Support;

namespace ProductSearch.Tests.Cli;

/// <summary><c>download esci</c>'s loop against a fake server that serves stand-in files: no network is touched.</summary>
public sealed class EsciDownloadTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<Uri, byte[]> _published = [];

    private string Target => _temp.File("esci");

    public async Task InitializeAsync()
    {
        var source = _temp.File("published");
        await EsciDatasetFolder.WriteAsync(source);
        foreach (var file in EsciDatasetFiles.All) _published[file.Source] = await File.ReadAllBytesAsync(Path.Combine(source, file.Name));
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<(IReadOnlyList<EsciFileCheck> Checks, string Output)> Run(FakeHttpHandler handler, string target, bool force = false,
        TimeSpan? idleTimeout = null)
    {
        using var http = new HttpClient(handler);
        var output = new StringWriter();
        // The default (60 s) for every test but the stalled one: a busy test machine must not make a sound transfer look stalled.
        var downloader = new FileDownloader(http) { IdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(60) };
        var checks = await new EsciDownload(downloader, output)
            .RunAsync(target, force, progress: null, CancellationToken.None);
        return (checks, output.ToString());
    }

    private FakeHttpHandler Serving(Func<Uri, byte[], HttpResponseMessage>? products = null) =>
        new(uri => uri == EsciDatasetFiles.Products.Source && products is not null ? products(uri, _published[uri])
            : _published.TryGetValue(uri, out var bytes) ? FakeHttpHandler.Bytes(bytes) : new HttpResponseMessage(HttpStatusCode.NotFound));

    [Fact]
    public async Task Fetches_every_file_from_its_published_address_checks_it_and_leaves_no_temporary_file()
    {
        var handler = Serving();
        var (checks, output) = await Run(handler, Target);

        Assert.Equal(EsciDatasetFiles.All.Select(f => f.Source), handler.Requests);
        foreach (var file in EsciDatasetFiles.All)
            Assert.Equal(_published[file.Source], await File.ReadAllBytesAsync(Path.Combine(Target, file.Name)));
        Assert.Equal(EsciDatasetFiles.All.Select(f => Path.Combine(Target, f.Name)).Order(), Directory.GetFiles(Target).Order());
        Assert.Equal(new long[] { 2, 2, 3 }, checks.Select(c => c.Rows));
        Assert.Contains("shopping_queries_dataset_products.parquet: 2 rows, checked.", output);
        // The stand-ins are not the published bytes: the run says so, without failing.
        Assert.Contains("differs from the published 25124442", output);
        Assert.Equal(3, (await EsciDatasetFiles.VerifyAsync(Target)).Count);
    }

    [Fact]
    public async Task Files_already_there_and_sound_are_kept_unless_forced()
    {
        await Run(Serving(), Target);
        var handler = Serving();
        var (_, output) = await Run(handler, Target);
        Assert.Empty(handler.Requests);
        Assert.Contains("already there and checked", output);

        await Run(handler, Target, force: true);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_damaged_file_already_there_is_not_replaced_without_force()
    {
        Directory.CreateDirectory(Target);
        var products = Path.Combine(Target, EsciDatasetFiles.Products.Name);
        await File.WriteAllTextAsync(products, "half a file");
        var error = await Assert.ThrowsAsync<CatalogException>(() => Run(Serving(), Target));
        Assert.Contains("--force", error.Message);
        Assert.Equal("half a file", await File.ReadAllTextAsync(products));

        await Run(Serving(), Target, force: true);
        Assert.Equal(_published[EsciDatasetFiles.Products.Source], await File.ReadAllBytesAsync(products));
    }

    [Fact]
    public async Task A_response_shorter_than_announced_fails_and_leaves_nothing_half_written()
    {
        var error = await Assert.ThrowsAsync<DownloadException>(() =>
            Run(Serving((_, bytes) => FakeHttpHandler.Bytes(bytes[..(bytes.Length / 2)], contentLength: bytes.Length)), Target));
        Assert.Contains("was cut off", error.Message);
        Assert.Contains(EsciDatasetFiles.Products.Source.AbsoluteUri, error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task A_dropped_connection_fails_and_leaves_nothing_half_written()
    {
        var error = await Assert.ThrowsAsync<DownloadException>(() =>
            Run(Serving((_, bytes) => FakeHttpHandler.Stream(new BreakingStream(bytes, bytes.Length / 3))), Target));
        Assert.Contains("Connection reset", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task A_stalled_transfer_fails()
    {
        var error = await Assert.ThrowsAsync<DownloadException>(() => Run(Serving((_, _) => FakeHttpHandler.Stream(new SilentStream())), Target, idleTimeout: TimeSpan.FromMilliseconds(300)));
        Assert.Contains("stalled", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task A_complete_response_that_is_not_parquet_is_discarded()
    {
        // What raw.githubusercontent.com serves for a Git LFS file: a pointer, complete and well-formed, but no data.
        var pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:25124442d064d64b26f74082d6fa09438d679efc0c183cf28d19064a2b65a265\nsize 1108857465\n"u8.ToArray();
        var error = await Assert.ThrowsAsync<CatalogException>(() => Run(Serving((_, _) => FakeHttpHandler.Bytes(pointer)), Target));
        Assert.Contains("discarded", error.Message);
        Assert.Contains("Git LFS pointer", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public async Task An_http_error_names_the_address_and_status()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { ReasonPhrase = "Not Found" });
        var error = await Assert.ThrowsAsync<DownloadException>(() => Run(handler, Target));
        Assert.Equal($"GET {EsciDatasetFiles.Products.Source} answered 404 Not Found.", error.Message);
        Assert.Empty(Directory.GetFiles(Target));
    }
}
