namespace ProductSearch.Tests.Support;

/// <summary>What can happen to a file of an index: cut in half, 32 bytes inverted in its middle, deleted, emptied.</summary>
public enum Damage
{
    Truncate,
    FlipBytes,
    Delete,
    ZeroLength,
}

/// <summary>Applies a <see cref="Damage"/> to a file (or, for <see cref="Damage.Delete"/>, a folder).</summary>
internal static class FileDamage
{
    public static void Apply(string path, Damage damage)
    {
        switch (damage)
        {
            case Damage.Delete when Directory.Exists(path):
                Directory.Delete(path, recursive: true);
                break;
            case Damage.Delete:
                File.Delete(path);
                break;
            case Damage.ZeroLength:
                File.WriteAllBytes(path, []);
                break;
            case Damage.Truncate:
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.SetLength(stream.Length / 2);
                break;
            case Damage.FlipBytes:
                var bytes = File.ReadAllBytes(path);
                var start = Math.Max(0, bytes.Length / 2 - 16);
                for (var i = start; i < Math.Min(bytes.Length, start + 32); i++) bytes[i] ^= 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
        }
    }
}
