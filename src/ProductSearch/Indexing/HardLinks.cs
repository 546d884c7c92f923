using System.Runtime.InteropServices;

namespace ProductSearch.Indexing;

/// <summary>
/// Hard links: a second name for a file's contents, so a generation can share an immutable file with the one it
/// builds on instead of copying it. .NET has no call for it, so libc's <c>link(2)</c> is used on Unix and
/// <c>CreateHardLinkW</c> on Windows. A file system that has no hard links (FAT, some network shares, a folder on
/// another device) refuses with a known error: the caller then copies, as before.
/// </summary>
internal static partial class HardLinks
{
    /// <summary>Tests set this to act as a file system without hard links (the copy fallback), in their own flow only.</summary>
    internal static readonly AsyncLocal<bool> RefusedForTests = new();

    /// <summary>
    /// Makes <paramref name="link"/> a second name of <paramref name="existing"/>. Returns the reason the file system
    /// refused (it has no hard links there: the caller copies instead), or <c>null</c> when the link was made.
    /// </summary>
    /// <exception cref="IOException">Linking failed for another reason (a full disk, an I/O error, a name already taken).</exception>
    public static string? TryCreate(string existing, string link)
    {
        if (RefusedForTests.Value) return "hard links refused (test)";
        if (OperatingSystem.IsWindows())
        {
            if (CreateHardLink(link, existing, 0)) return null;
            var error = Marshal.GetLastPInvokeError();
            return WindowsRefusal(error) ? $"{Marshal.GetPInvokeErrorMessage(error)} (error {error})"
                : throw new IOException($"Linking '{link}' to '{existing}' failed: {Marshal.GetPInvokeErrorMessage(error)} (error {error}).", error);
        }
        if (Link(existing, link) == 0) return null;
        var errno = Marshal.GetLastPInvokeError();
        return UnixRefusal(errno) ? $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})"
            : throw new IOException($"Linking '{link}' to '{existing}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }

    /// <summary>EPERM (the file system forbids links), EXDEV (another device), EMLINK (too many links), ENOSYS, ENOTSUP/EOPNOTSUPP.</summary>
    private static bool UnixRefusal(int errno) => errno is 1 or 18 or 31 or 38 or 95 or 45 /* EOPNOTSUPP on macOS */;

    /// <summary>ERROR_INVALID_FUNCTION, ERROR_ACCESS_DENIED, ERROR_NOT_SAME_DEVICE, ERROR_NOT_SUPPORTED, ERROR_TOO_MANY_LINKS.</summary>
    private static bool WindowsRefusal(int error) => error is 1 or 5 or 17 or 50 or 1142;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);

    [LibraryImport("kernel32", EntryPoint = "CreateHardLinkW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string link, string existing, nint securityAttributes);
}
