namespace ProductSearch.Vector;

/// <summary>
/// Runs one insert per row on up to a given number of threads, handing rows out in small chunks so a thread that meets
/// slow inserts (a crowded region of the graph) does not hold the others up. The first failure stops the other threads
/// from taking more rows and is rethrown as it was, once every thread has stopped: the caller sees one exception, never an
/// <see cref="AggregateException"/>, and no insert is still running when it does.
/// </summary>
internal static class ParallelInserts
{
    /// <summary>Rows a thread takes at a time: small enough to balance, large enough that taking them costs nothing.</summary>
    internal const int Chunk = 16;

    /// <summary>Calls <paramref name="insert"/> for every row in [0, <paramref name="count"/>), on up to <paramref name="threads"/> threads.</summary>
    /// <param name="count">Number of rows.</param>
    /// <param name="threads">Most threads to use; 1 inserts on the calling thread, in order.</param>
    /// <param name="insert">Inserts one row; must be safe to call from several threads at once.</param>
    public static void Run(int count, int threads, Action<int> insert)
    {
        var workers = Math.Min(threads, (count + Chunk - 1) / Chunk);
        if (workers <= 1)
        {
            for (var row = 0; row < count; row++) insert(row);
            return;
        }

        var next = 0;
        Exception? failure = null;
        // Parallel.For's own exception handling would wrap the failure in an AggregateException and keep the other
        // workers going until they noticed; here the first failure closes the row counter for everyone at once.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            while (Volatile.Read(ref failure) is null)
            {
                var start = Interlocked.Add(ref next, Chunk) - Chunk;
                if (start >= count) return;
                var end = Math.Min(start + Chunk, count);
                try
                {
                    for (var row = start; row < end && Volatile.Read(ref failure) is null; row++) insert(row);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    return;
                }
            }
        });
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
