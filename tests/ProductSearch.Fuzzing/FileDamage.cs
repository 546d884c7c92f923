namespace ProductSearch.Fuzzing;

/// <summary>What can happen to a file of an index: cut in half, 32 bytes inverted in its middle, deleted, emptied.</summary>
public enum Damage
{
    Truncate,
    FlipBytes,
    Delete,
    ZeroLength,
}

/// <summary>Applies a <see cref="Damage"/> to a file (or, for <see cref="Damage.Delete"/>, a folder).</summary>
public static class FileDamage
{
    /// <summary>Applies <paramref name="damage"/>; with <paramref name="random"/>, a cut or the inverted bytes fall at a random place instead of the middle.</summary>
    public static void Apply(string path, Damage damage, Random? random = null)
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
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.SetLength(random is null ? stream.Length / 2 : random.NextInt64(stream.Length));
                break;
            case Damage.FlipBytes:
                var bytes = File.ReadAllBytes(path);
                var start = random is null ? Math.Max(0, bytes.Length / 2 - 16) : random.Next(Math.Max(1, bytes.Length - 32));
                for (var i = start; i < Math.Min(bytes.Length, start + 32); i++) bytes[i] ^= 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
        }
    }
}
