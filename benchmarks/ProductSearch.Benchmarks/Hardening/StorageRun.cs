using ProductSearch.Benchmarks.Common;
using ProductSearch.Fuzzing;
using ProductSearch.Indexing;

namespace ProductSearch.Benchmarks.Hardening;

/// <summary>
/// <c>enospc [trials]</c> and <c>readonly [trials]</c>: the command line (a child process, the real model) on an index
/// on a 20 MB tmpfs filled to a random level, and on a read-only bind mount of an index. Every refused write must be
/// one line, exit 2, saying which ("No space left on device", "is read-only"), with the index unchanged and no
/// partial generation left; a read-only index must still search and verify. Needs root and the right to mount.
/// </summary>
internal static class StorageRun
{
    public static int Run(string mode, string[] args)
    {
        var trials = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var work = Path.Combine(Path.GetTempPath(), "productsearch-storage-" + Guid.NewGuid().ToString("N")[..8]);
        var mount = Path.Combine(work, "mnt");
        Directory.CreateDirectory(mount);
        Console.WriteLine($"# {mode} — {DateTime.UtcNow:yyyy-MM-dd} — {MachineInfo.Describe()} — load average {LoadAverage.OneMinute()}");
        try
        {
            var catalog = Path.Combine(work, "catalog.jsonl");
            File.WriteAllLines(catalog, File.ReadLines(BenchmarkPaths.DemoCatalog).Take(1500));
            var changes = Path.Combine(work, "changes.jsonl");
            File.WriteAllLines(changes, File.ReadLines(catalog).Take(100).Select(l => l.Replace("\"product_title\":\"", "\"product_title\":\"Renamed ", StringComparison.Ordinal)));
            return mode == "enospc" ? FullDisk(trials, mount, catalog, changes) : ReadOnly(trials, work, mount, catalog, changes);
        }
        finally
        {
            ChildCli.System("umount", "-l", mount);
            Directory.Delete(work, recursive: true);
        }
    }

    private static int FullDisk(int trials, string mount, string catalog, string changes)
    {
        if (!ChildCli.System("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", mount)) { Console.WriteLine("cannot mount a tmpfs (needs root)"); return 2; }
        var index = Path.Combine(mount, "index");
        if (ChildCli.Run("index", catalog, "--index", index, "--model", "minilm", "--device", "cpu") is { ExitCode: not 0 } built) { Console.WriteLine(built.Error); return 1; }
        var filler = Path.Combine(mount, "filler");
        var random = new Random(20261206);
        var (full, good, fitted, attempts) = (0, 0, 0, 0);
        while (full < trials && attempts++ < trials * 4)
        {
            File.Delete(filler);
            var free = new DriveInfo(mount).AvailableFreeSpace;
            ScratchFiles.Fill(filler, free - random.NextInt64(0, free * 3 / 4)); // from nothing left to most of the room an upsert needs
            var before = FolderState.Capture(index);
            var result = ChildCli.Run(FuzzText.Pick(random, ["upsert", "delete"]) is "upsert" ? ["upsert", changes, "--index", index, "--device", "cpu"] : ["delete", "DEMO-000001", "--index", index]);
            if (result.ExitCode == 0) { fitted++; continue; }
            full++;
            var unchanged = FolderState.Difference(before, index) is null && Directory.GetDirectories(index, "gen-*").Length == 1;
            if (result.IsOneLineRefusal("No space left on device") && unchanged) good++;
            else Console.WriteLine($"  trial {full}: exit {result.ExitCode}, unchanged {unchanged}: {result.Error}");
        }
        File.Delete(filler);
        var verify = ChildCli.Run("verify", "--index", index);
        Console.WriteLine($"{full} runs out of space: {good} one line, exit 2, index unchanged, no partial generation; {fitted} fitted; verify after: exit {verify.ExitCode}");
        return good == full && full >= trials && verify.ExitCode == 0 ? 0 : 1;
    }

    private static int ReadOnly(int trials, string work, string mount, string catalog, string changes)
    {
        var index = Path.Combine(work, "index");
        if (ChildCli.Run("index", catalog, "--index", index, "--model", "minilm", "--device", "cpu") is { ExitCode: not 0 } built) { Console.WriteLine(built.Error); return 1; }
        var good = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            // A generation no reader has opened yet, every trial: the case that failed for want of read.lock.
            if (ChildCli.Run("upsert", changes, "--index", index, "--device", "cpu") is { ExitCode: not 0 } upsert) { Console.WriteLine(upsert.Error); return 1; }
            File.WriteAllLines(changes, File.ReadLines(changes).Select(l => l.Replace("\"product_title\":\"", "\"product_title\":\"Again ", StringComparison.Ordinal)));
            if (!ChildCli.System("mount", "--bind", index, mount) || !ChildCli.System("mount", "-o", "remount,bind,ro", mount)) { Console.WriteLine("cannot bind-mount read-only (needs root)"); return 2; }
            try
            {
                var search = ChildCli.Run("search", "girls white shoes", "--index", mount, "--device", "cpu");
                var verify = ChildCli.Run("verify", "--index", mount);
                var writes = new[]
                {
                    ChildCli.Run("upsert", changes, "--index", mount, "--device", "cpu"),
                    ChildCli.Run("delete", "DEMO-000001", "--index", mount),
                    ChildCli.Run("index", catalog, "--index", mount, "--device", "cpu", "--model", "minilm"),
                };
                if (search.ExitCode == 0 && verify.ExitCode == 0 && writes.All(w => w.IsOneLineRefusal("is read-only"))) good++;
                else Console.WriteLine($"  trial {trial}: search {search.ExitCode} {search.Error}; verify {verify.ExitCode}; writes {string.Join(" | ", writes.Select(w => $"{w.ExitCode} {w.Error.Trim()}"))}");
            }
            finally
            {
                ChildCli.System("umount", "-l", mount);
            }
        }
        Console.WriteLine($"{trials} read-only trials (each on a generation never searched before): {good} searched and verified, with upsert, delete and index each refused in one line, exit 2");
        return good == trials ? 0 : 1;
    }
}
