using ProductSearch.Catalog;
using ProductSearch.Embedding;
using ProductSearch.Indexing;
using ProductSearch.Vector;

namespace ProductSearch.Cli;

/// <summary>
/// Turns the engine's errors into one line on standard error and an exit code: 2 for what the user can fix
/// (a bad argument, a missing or malformed input file, an index that does not fit), 1 for anything unexpected.
/// </summary>
internal static class CliErrors
{
    public const int BadInput = 2;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ArgumentException or CatalogException or IndexException or ModelLoadException or VectorIndexException
            or FileNotFoundException or InvalidDataException or IndexLockedException
            or DownloadException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message.Split(Environment.NewLine)[0]);
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
