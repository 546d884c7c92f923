using System.Diagnostics;
using System.Globalization;

namespace ProductSearch.Benchmarks.Common;

/// <summary>
/// A background load of one busy core: a child process of this program (<c>spin --seconds N</c>) that spins on one
/// thread until it is disposed (killed) or its time runs out (so a harness that dies leaves no spinner behind). A
/// separate process, not a thread of the measured one, so the runtime's garbage collector never waits for it.
/// </summary>
internal sealed class BusyCore : IDisposable
{
    private readonly Process _child;

    private BusyCore(Process child) => _child = child;

    /// <summary>Starts the spinner and waits until it has started spinning.</summary>
    public static BusyCore Start(TimeSpan limit)
    {
        var child = SelfProcess.Start(["spin", "--seconds", ((int)Math.Ceiling(limit.TotalSeconds)).ToString(CultureInfo.InvariantCulture)]);
        Thread.Sleep(300); // the child's start-up (runtime, JIT) is not the load being measured
        return new BusyCore(child);
    }

    public void Dispose()
    {
        try
        {
            if (!_child.HasExited) _child.Kill();
            _child.WaitForExit();
        }
        finally
        {
            _child.Dispose();
        }
    }

    /// <summary>The child's side: spin on this thread for at most <c>--seconds</c> (default 600).</summary>
    public static int Spin(string[] args)
    {
        var seconds = args.Length == 2 && args[0] == "--seconds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
        var until = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        ulong x = 1;
        while (Stopwatch.GetTimestamp() < until)
        {
            for (var i = 0; i < 1_000_000; i++) x = x * 6364136223846793005UL + 1442695040888963407UL;
        }
        return (int)(x & 1);
    }
}
