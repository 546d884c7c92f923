using System.CommandLine;
using Spectre.Console;

namespace ProductSearch.Cli;

/// <summary><c>productsearch download esci --to DIR [--force]</c>: fetches Amazon's Shopping Queries Dataset files and checks them.</summary>
internal static class DownloadCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "Folder to put the files in (created if needed).", Required = true };
        var force = new Option<bool>("--force") { Description = "Fetch every file again, even one already there that passes its checks." };
        var esci = new Command("esci",
            "Fetch shopping_queries_dataset_products.parquet, …_examples.parquet and …_sources.csv from the amazon-science/esci-data repository and check them.")
        {
            to, force,
        };
        esci.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var directory = parse.GetValue(to)!;
            // No overall timeout: the products file is over 1 GB. FileDownloader ends a transfer that stalls instead.
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("productsearch");
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                // Lines written while the bars are live would tear them: hold the notes until the bars are done.
                var notes = new StringWriter();
                try
                {
                    await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                        .StartAsync(context => new EsciDownload(new FileDownloader(http), notes)
                            .RunAsync(directory, parse.GetValue(force), new BarProgress(context), cancellationToken));
                }
                finally
                {
                    Console.Write(notes.ToString());
                }
            }
            else
            {
                await new EsciDownload(new FileDownloader(http), Console.Out)
                    .RunAsync(directory, parse.GetValue(force), new TenthsProgress(Console.Error), cancellationToken);
            }

            var products = Path.Combine(directory, ProductSearch.Catalog.EsciDatasetFiles.Products.Name);
            Console.WriteLine($"ESCI dataset ready in {directory}. Index the US products with:");
            Console.WriteLine($"  productsearch index {products} --locale us --index indexes/esci");
            return 0;
        }));
        return new Command("download", "Fetch a published dataset.") { esci };
    }

    /// <summary>A progress bar per file on a terminal. Reported to synchronously, from the one download running.</summary>
    private sealed class BarProgress(ProgressContext context) : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report(DownloadProgress value)
        {
            if (!_tasks.TryGetValue(value.Name, out var task))
            {
                _tasks[value.Name] = task = context.AddTask(value.Name, maxValue: Math.Max(value.Total ?? 1, 1));
                task.IsIndeterminate = value.Total is null;
            }
            task.Value = Math.Min(value.Bytes, task.MaxValue);
        }
    }

    /// <summary>Progress as plain lines, one per tenth of each file, when standard output is not a terminal.</summary>
    private sealed class TenthsProgress(TextWriter output) : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, int> _tenths = [];

        public void Report(DownloadProgress value)
        {
            if (value.Total is not { } total || total == 0) return;
            var tenth = (int)(value.Bytes * 10 / total);
            if (_tenths.TryGetValue(value.Name, out var last) && last >= tenth) return;
            _tenths[value.Name] = tenth;
            output.WriteLine($"  {value.Name}: {tenth * 10}% ({value.Bytes / 1e6:N1} of {total / 1e6:N1} MB)");
        }
    }
}
