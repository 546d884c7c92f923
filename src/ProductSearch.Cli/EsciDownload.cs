using ProductSearch.Catalog;

namespace ProductSearch.Cli;

/// <summary>
/// <c>download esci</c>'s work: each file of <see cref="EsciDatasetFiles.All"/> fetched from its published address
/// into a folder and checked by the core's <see cref="EsciDatasetFiles.VerifyFileAsync"/> before it takes its name.
/// A file already there that passes the check is kept unless <c>force</c> is set.
/// </summary>
internal sealed class EsciDownload(FileDownloader downloader, TextWriter output)
{
    public async Task<IReadOnlyList<EsciFileCheck>> RunAsync(string directory, bool force, IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var checks = new List<EsciFileCheck>();
        foreach (var file in EsciDatasetFiles.All)
        {
            var path = Path.Combine(directory, file.Name);
            if (!force && File.Exists(path))
            {
                checks.Add(await KeepAsync(path, file, cancellationToken));
                continue;
            }
            output.WriteLine($"Fetching {file.Source}{(file.Bytes is { } size ? $" ({size / 1e6:N0} MB)" : "")} …");
            EsciFileCheck? check = null;
            var sha256 = await downloader.DownloadAsync(file.Source, path,
                async (temporary, token) => check = await VerifyDownloadAsync(temporary, file, token), progress, cancellationToken);
            checks.Add(check! with { Path = path });
            output.WriteLine($"  {file.Name}: {check!.Rows:N0} rows, checked.");
            if (file.Sha256 is { } published && published != sha256)
                output.WriteLine($"  note: its SHA-256 {sha256} differs from the published {published}; the file passed its checks, but it is not the version this tool knows.");
        }
        return checks;
    }

    private async Task<EsciFileCheck> KeepAsync(string path, EsciDatasetFile file, CancellationToken cancellationToken)
    {
        try
        {
            var check = await EsciDatasetFiles.VerifyFileAsync(path, file, cancellationToken);
            output.WriteLine($"{file.Name}: already there and checked ({check.Rows:N0} rows); --force fetches it again.");
            return check;
        }
        catch (CatalogException ex)
        {
            throw new CatalogException($"{ex.Message} It is left as it is; rerun with --force to replace it.", ex);
        }
    }

    private static async Task<EsciFileCheck> VerifyDownloadAsync(string temporary, EsciDatasetFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await EsciDatasetFiles.VerifyFileAsync(temporary, file, cancellationToken);
        }
        catch (CatalogException ex)
        {
            throw new CatalogException($"The download of {file.Source} is not a usable {file.Name}, so it was discarded: {ex.Message}", ex);
        }
    }
}
