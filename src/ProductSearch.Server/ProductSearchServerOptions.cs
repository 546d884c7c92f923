namespace ProductSearch.Server;

/// <summary>
/// The search service's own settings: who may call it (API keys) and how much it takes on at once (limits). The
/// engine's settings (index folder, model, device, refresh interval) are <see cref="SearchEngineOptions"/>.
/// </summary>
public sealed class ProductSearchServerOptions
{
    /// <summary>Shortest API key accepted: keys are compared by their SHA-256, which is safe only for keys too long to guess.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// The admin key (writes, key management, and searches), as given (<c>PRODUCTSEARCH_ADMIN_KEY</c>); it is hashed
    /// when the service starts and only its hash is kept. <c>null</c>: none, or see <see cref="AdminKeyFile"/>.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// A file holding the admin key, or its hash as <c>sha256:</c> and 64 hex digits (so the key itself need not be
    /// stored). A file that cannot be read, or holds no key, stops start-up.
    /// </summary>
    public string? AdminKeyFile { get; set; }

    /// <summary>Search keys (reads only), as given (<c>PRODUCTSEARCH_SEARCH_KEYS</c>, comma-separated); hashed at start-up.</summary>
    public IList<string> SearchKeys { get; } = [];

    /// <summary>
    /// A file where the search keys made through <c>POST /keys</c> are kept, as SHA-256 hashes only; <c>null</c>:
    /// such keys last until the service stops.
    /// </summary>
    public string? KeyStoreFile { get; set; }

    /// <summary>Requests served at once; more wait in the queue (<see cref="QueueLimit"/>), then get 429 with <c>Retry-After</c>.</summary>
    public int ConcurrencyLimit { get; set; } = 64;

    /// <summary>Requests that wait for a free place before the service answers 429.</summary>
    public int QueueLimit { get; set; } = 64;

    /// <summary>The seconds a 429 answer tells the client to wait (<c>Retry-After</c>).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Largest request body, in bytes (a write's products); a larger one gets 413 and nothing is written.</summary>
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most products (or ids, for a batch delete) one write may carry.</summary>
    public int MaxProductsPerWrite { get; set; } = 10_000;

    /// <summary>
    /// How long a write waits for another write of this service to finish before it is answered 409. A write that
    /// finds the index held by another process (a CLI <c>upsert</c>) is answered 409 at once.
    /// </summary>
    public TimeSpan WriteWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest search text accepted, in characters.</summary>
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (ConcurrencyLimit < 1) throw new ArgumentOutOfRangeException(nameof(ConcurrencyLimit), ConcurrencyLimit, "ConcurrencyLimit must be at least 1.");
        if (QueueLimit < 0) throw new ArgumentOutOfRangeException(nameof(QueueLimit), QueueLimit, "QueueLimit must not be negative.");
        if (RetryAfterSeconds < 1) throw new ArgumentOutOfRangeException(nameof(RetryAfterSeconds), RetryAfterSeconds, "RetryAfterSeconds must be at least 1.");
        if (MaxRequestBodyBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, "MaxRequestBodyBytes must be at least 1024.");
        if (MaxProductsPerWrite < 1) throw new ArgumentOutOfRangeException(nameof(MaxProductsPerWrite), MaxProductsPerWrite, "MaxProductsPerWrite must be at least 1.");
        if (WriteWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(WriteWait), WriteWait, "WriteWait must not be negative.");
        if (MaxQueryLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxQueryLength), MaxQueryLength, "MaxQueryLength must be at least 1.");
    }
}
