using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProductSearch.Server.Keys;

/// <summary>What a key allows.</summary>
internal enum ApiKeyRole
{
    /// <summary>Reads: search, suggest, products, metrics.</summary>
    Search,

    /// <summary>Everything: reads, writes, key management.</summary>
    Admin,
}

/// <summary>A key as the service keeps it: its SHA-256, never the key.</summary>
internal sealed record ApiKeyEntry(string Id, ApiKeyRole Role, byte[] Sha256, DateTimeOffset? CreatedAt, bool Managed);

/// <summary>
/// The keys the service accepts, kept as SHA-256 hashes only. SHA-256 rather than a slow password hash: the keys are
/// long random strings (at least <see cref="ProductSearchServerOptions.MinKeyLength"/> characters; the service makes
/// 256-bit ones), which no one can find from their hash by guessing, while a slow hash would cost every request tens
/// of milliseconds. A presented key is hashed and compared with every stored hash in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>), so the answer's timing says nothing about how close it came.
/// </summary>
internal sealed class ApiKeyRing
{
    private const string HashPrefix = "sha256:";
    private readonly Lock _gate = new();
    private readonly string? _storeFile;
    private ApiKeyEntry[] _keys;

    private ApiKeyRing(IEnumerable<ApiKeyEntry> keys, string? storeFile)
    {
        _keys = keys.ToArray();
        _storeFile = storeFile;
        RequiresKeys = _keys.Length > 0 || storeFile is not null;
    }

    /// <summary>
    /// Whether any key was configured. Without one the service answers everyone as admin — which it allows only on a
    /// loopback address (<see cref="ProductSearchServerApp"/> refuses to start otherwise).
    /// </summary>
    public bool RequiresKeys { get; }

    /// <summary>The role of <paramref name="presented"/>, or <c>null</c> when no key matches.</summary>
    public ApiKeyRole? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKeyRole? role = null;
        // Every stored hash is compared, matched or not: the time taken does not depend on which key (if any) matched.
        foreach (var key in Volatile.Read(ref _keys))
            if (CryptographicOperations.FixedTimeEquals(key.Sha256, hash) && role != ApiKeyRole.Admin) role = key.Role;
        return role;
    }

    /// <summary>The keys, without their hashes.</summary>
    public IReadOnlyList<ApiKeyEntry> List() => Volatile.Read(ref _keys);

    /// <summary>Makes a new search key, keeps its hash (in the key store file when there is one) and returns the key, shown once.</summary>
    public (ApiKeyEntry Entry, string Key) CreateSearchKey(TimeProvider time)
    {
        var key = "ps_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entry = new ApiKeyEntry("k_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), ApiKeyRole.Search, Hash(key), time.GetUtcNow(), Managed: true);
        lock (_gate)
        {
            var keys = _keys.Append(entry).ToArray();
            Save(keys);
            Volatile.Write(ref _keys, keys);
        }
        return (entry, key);
    }

    /// <summary>Revokes a key made through the API; <c>false</c> when there is none with that id.</summary>
    public bool Revoke(string id)
    {
        lock (_gate)
        {
            var keys = _keys.Where(k => !(k.Managed && k.Id == id)).ToArray();
            if (keys.Length == _keys.Length) return false;
            Save(keys);
            Volatile.Write(ref _keys, keys);
            return true;
        }
    }

    /// <summary>The keys <paramref name="options"/> gives; a key file or key store that cannot be read, or a key too short, stops start-up.</summary>
    /// <exception cref="ServerStartException">The message names the file or setting.</exception>
    public static ApiKeyRing Load(ProductSearchServerOptions options)
    {
        var keys = new List<ApiKeyEntry>();
        if (!string.IsNullOrWhiteSpace(options.AdminKey))
            keys.Add(new ApiKeyEntry("admin", ApiKeyRole.Admin, HashOfGiven(options.AdminKey.Trim(), "PRODUCTSEARCH_ADMIN_KEY"), null, false));
        if (!string.IsNullOrWhiteSpace(options.AdminKeyFile))
            keys.Add(new ApiKeyEntry("admin-file", ApiKeyRole.Admin, ReadKeyFile(options.AdminKeyFile), null, false));
        var number = 0;
        foreach (var key in options.SearchKeys.Select(k => k.Trim()).Where(k => k.Length > 0))
            keys.Add(new ApiKeyEntry($"search-{++number}", ApiKeyRole.Search, HashOfGiven(key, $"search key {number} of PRODUCTSEARCH_SEARCH_KEYS"), null, false));
        if (!string.IsNullOrWhiteSpace(options.KeyStoreFile)) keys.AddRange(ReadStore(options.KeyStoreFile));
        return new ApiKeyRing(keys, string.IsNullOrWhiteSpace(options.KeyStoreFile) ? null : Path.GetFullPath(options.KeyStoreFile));
    }

    private static byte[] HashOfGiven(string key, string source)
    {
        if (key.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            var hex = key[HashPrefix.Length..];
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit)) throw new ServerStartException($"The {source} starts with '{HashPrefix}' but is not followed by 64 hex digits.");
            return Convert.FromHexString(hex);
        }
        if (key.Length < ProductSearchServerOptions.MinKeyLength)
            throw new ServerStartException($"The {source} has {key.Length} characters; keys need at least {ProductSearchServerOptions.MinKeyLength} (use a long random one, e.g. 'openssl rand -base64 32').");
        return Hash(key);
    }

    private static byte[] ReadKeyFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path).Trim(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new ServerStartException($"Cannot read the admin key file '{path}': {ex.Message}", ex);
        }
        if (text.Length == 0) throw new ServerStartException($"The admin key file '{path}' is empty.");
        return HashOfGiven(text, $"admin key file '{path}'");
    }

    private sealed record StoredKey(string Id, string Sha256, DateTimeOffset CreatedAt);

    private static IEnumerable<ApiKeyEntry> ReadStore(string path)
    {
        if (!File.Exists(path)) return [];
        try
        {
            var stored = JsonSerializer.Deserialize<StoredKey[]>(File.ReadAllText(path), StoreJson) ?? [];
            return stored.Select(k => new ApiKeyEntry(k.Id, ApiKeyRole.Search, Convert.FromHexString(k.Sha256), k.CreatedAt, true)).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentNullException)
        {
            throw new ServerStartException($"Cannot read the key store '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Writes the managed keys' hashes to the store: a new file moved over the old, so a crash leaves one or the other.</summary>
    private void Save(IEnumerable<ApiKeyEntry> keys)
    {
        if (_storeFile is null) return;
        var stored = keys.Where(k => k.Managed).Select(k => new StoredKey(k.Id, Convert.ToHexStringLower(k.Sha256), k.CreatedAt ?? DateTimeOffset.UnixEpoch)).ToArray();
        var temporary = _storeFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stored, StoreJson));
        File.Move(temporary, _storeFile, overwrite: true);
    }

    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
