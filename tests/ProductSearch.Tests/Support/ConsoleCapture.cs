namespace ProductSearch.Tests.Support;

/// <summary>
/// Tests that read what a command prints swap <see cref="Console.Out"/>; they run in this collection, which xunit
/// runs alone after the parallel ones, so no other test's output lands in theirs.
/// </summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    /// <summary>Runs <paramref name="action"/> and returns what it wrote to standard output.</summary>
    internal static async Task<(T Result, string Output)> RunAsync<T>(Func<Task<T>> action)
    {
        var original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            var result = await action();
            return (result, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
