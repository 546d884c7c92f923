using System.Diagnostics;

namespace ProductSearch.Tests.Support;

/// <summary>
/// File systems for the storage-failure tests: a small tmpfs that fills up, and a read-only view of a folder. Both
/// need root and the right to mount (so CI containers without CAP_SYS_ADMIN skip them, saying why); a read-only
/// folder falls back to permissions when not root (root ignores them).
/// </summary>
internal sealed class Mount : IDisposable
{
    private readonly string _target;

    private Mount(string target) => _target = target;

    /// <summary>A tmpfs of <paramref name="size"/> (e.g. <c>2m</c>) at <paramref name="target"/>, or <c>null</c> with the reason it cannot be made.</summary>
    public static Mount? Tmpfs(string target, string size, out string reason)
    {
        Directory.CreateDirectory(target);
        return Run("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", target], out reason) ? new Mount(target) : null;
    }

    /// <summary>
    /// <paramref name="target"/> showing <paramref name="source"/> read-only: a read-only bind mount as root, else the
    /// folder itself with write permission taken away.
    /// </summary>
    public static IDisposable? ReadOnly(string source, string target, out string path, out string reason)
    {
        if (OperatingSystem.IsLinux() && Environment.UserName != "root")
        {
            SetWritable(source, false);
            path = source;
            reason = "";
            return new Restore(() =>
            {
                if (OperatingSystem.IsLinux()) SetWritable(source, true);
            });
        }
        Directory.CreateDirectory(target);
        path = target;
        if (!Run("mount", ["--bind", source, target], out reason)) return null;
        var mount = new Mount(target);
        if (Run("mount", ["-o", "remount,bind,ro", target], out reason)) return mount;
        mount.Dispose();
        return null;
    }

    public void Dispose() => Run("umount", ["-l", _target], out _);

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void SetWritable(string folder, bool writable)
    {
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
            File.SetUnixFileMode(dir, writable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b101_101_101);
    }

    private static bool Run(string command, string[] args, out string reason)
    {
        reason = "";
        if (!OperatingSystem.IsLinux()) { reason = "not Linux"; return false; }
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            reason = $"{command} {string.Join(' ', args)}: {error.Trim()}";
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            reason = $"{command}: {ex.Message}";
            return false;
        }
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
