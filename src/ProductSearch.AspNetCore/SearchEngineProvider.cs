using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductSearch.Embedding;

namespace ProductSearch.AspNetCore;

/// <summary>
/// The app's one <see cref="SearchEngine"/>: opened once (at start-up by the hosted service that
/// <c>AddProductSearch</c> registers, or on first use), shared by every request — the engine is thread-safe — and
/// disposed with the container on shutdown. An index or model that cannot be opened does not crash the app: the
/// failure is kept, logged (again only when its reason changes), reported by <see cref="Status"/>, the health check
/// and <see cref="SearchEngineUnavailableException"/>, and the open is retried with back-off (<see cref="EnsureOpen"/>).
/// </summary>
public sealed class SearchEngineProvider : IProductSearchSource, IDisposable
{
    private readonly SearchEngineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<ITextEmbedder>? _embedderFactory;
    private readonly Lock _gate = new();
    private SearchEngine? _engine;
    private Exception? _failure;
    private DateTimeOffset? _attemptedAt;
    private long _nextAttempt; // the TimeProvider timestamp from which a failed open is tried again
    private TimeSpan _retryDelay;
    private volatile bool _opened; // read without the lock on every request once the engine is open
    private bool _disposed;
    private (long Generation, ProductSearchException Error)? _searchFailure; // damage a search found in the open commit

    /// <summary>
    /// Creates the provider; nothing is opened until <see cref="EnsureOpen"/> or the first use. <paramref name="timeProvider"/>
    /// times the retries of a failed open and the engine's refreshes (default: the system clock).
    /// </summary>
    public SearchEngineProvider(IOptions<SearchEngineOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, loggerFactory, timeProvider, null)
    {
    }

    /// <summary>
    /// Creates the provider with the embedder the engine reads queries with made by <paramref name="embedderFactory"/>
    /// (a custom runtime, a test double; the index's model) instead of loading the index's model; called at each open
    /// attempt, and the engine disposes what it returns. <c>null</c>: the model the options or the index name.
    /// </summary>
    public SearchEngineProvider(IOptions<SearchEngineOptions> options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, Func<ITextEmbedder>? embedderFactory)
    {
        _embedderFactory = embedderFactory;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SearchEngineProvider>();
    }

    /// <summary>The configured index folder, as a full path.</summary>
    public string IndexPath => Path.GetFullPath(_options.IndexPath);

    /// <inheritdoc />
    string IProductSearchSource.Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(IndexPath));

    /// <inheritdoc />
    string? IProductSearchSource.IndexPath => IndexPath;

    /// <inheritdoc />
    string IProductSearchSource.HealthCheckName => SearchEngineHealthCheck.Name;

    /// <inheritdoc />
    bool IProductSearchSource.TryGetSearch([NotNullWhen(true)] out IProductSearch? search, [NotNullWhen(false)] out string? reason)
    {
        var open = TryGetEngine(out var engine, out reason);
        search = engine;
        return open;
    }

    /// <summary>The open engine.</summary>
    /// <exception cref="SearchEngineUnavailableException">It could not be opened; the message says why.</exception>
    /// <exception cref="ObjectDisposedException">The provider was disposed (the app is shutting down).</exception>
    public SearchEngine Engine =>
        TryGetEngine(out var engine, out var reason) ? engine : throw new SearchEngineUnavailableException(reason, _failure);

    /// <summary>The engine, opening it on first call; <c>false</c> with the reason when it cannot be opened.</summary>
    public bool TryGetEngine([NotNullWhen(true)] out SearchEngine? engine, [NotNullWhen(false)] out string? reason)
    {
        EnsureOpen();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            engine = _engine;
            reason = engine is null ? Describe(_failure) : null;
            return engine is not null;
        }
    }

    /// <summary>Where the engine stands, opening it first if it is not open and a retry is due.</summary>
    public SearchEngineStatus Status
    {
        get
        {
            EnsureOpen();
            lock (_gate)
            {
                if (_engine is { } engine)
                {
                    if (_searchFailure is not null) TryRefresh(engine); // a repaired or rebuilt index clears the failure
                    var manifest = engine.Manifest;
                    if (_searchFailure is { } failure && failure.Generation == manifest.Generation)
                        return new SearchEngineStatus(false, failure.Error.Message, engine.IndexPath, manifest.ProductCount, manifest.Generation,
                            manifest.BuiltAt, engine.Embedder.ModelName, engine.Embedder.ActiveDevice, _attemptedAt);
                    return new SearchEngineStatus(true, null, engine.IndexPath, manifest.ProductCount, manifest.Generation, manifest.BuiltAt,
                        engine.Embedder.ModelName, engine.Embedder.ActiveDevice, _attemptedAt);
                }
                return new SearchEngineStatus(false, _disposed ? "The application is shutting down." : Describe(_failure), IndexPath,
                    null, null, null, _options.Model, _options.Device.ToString(), _attemptedAt);
            }
        }
    }

    /// <summary>
    /// Opens the engine if it is not open yet. A failure is remembered and reported; the open is tried again on use
    /// once <see cref="SearchEngineOptions.RefreshInterval"/> has passed, then at doubling intervals up to a minute,
    /// so an index built or repaired while the app runs is picked up without a restart (never with a zero interval).
    /// </summary>
    public void EnsureOpen()
    {
        if (_opened) return;
        lock (_gate)
        {
            if (_engine is not null || _disposed) return;
            // A failed open is tried again — the index may be built or repaired while the app runs — first after
            // SearchEngineOptions.RefreshInterval, then at doubling intervals up to a minute (an open that fails after
            // loading the model is not cheap). RefreshInterval zero: no retries.
            if (_attemptedAt is not null && (_options.RefreshInterval <= TimeSpan.Zero || _time.GetTimestamp() < _nextAttempt)) return;
            var previousReason = _failure?.Message;
            try
            {
                _engine = SearchEngine.Open(_options, _embedderFactory?.Invoke(), _loggerFactory, _time);
                _failure = null;
                _opened = true;
                _logger.LogInformation("Opened index {Path}: {Count} products, generation {Generation}, model {Model} on {Device}.",
                    _engine.IndexPath, _engine.Manifest.ProductCount, _engine.Manifest.Generation, _engine.Embedder.ModelName, _engine.Embedder.ActiveDevice);
            }
            // Whatever a damaged index throws (our IndexException, a model error, I/O), the app must keep serving
            // its health endpoint and answer searches with the reason; only fatal runtime failures go up.
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _failure = ex;
                _retryDelay = _retryDelay == TimeSpan.Zero ? _options.RefreshInterval : TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
                _nextAttempt = _time.GetTimestamp() + (long)(_retryDelay.TotalSeconds * _time.TimestampFrequency);
                if (ex.Message != previousReason)
                    _logger.LogError(ex, "Search is unavailable: cannot open index {Path}: {Reason}", IndexPath, ex.Message);
                else
                    _logger.LogDebug("Index {Path} still cannot be opened: {Reason}", IndexPath, ex.Message);
            }
            finally
            {
                _attemptedAt = _time.GetUtcNow();
            }
        }
    }

    /// <summary>
    /// Reports damage a search met in the open engine's stores (<see cref="ProductSearchErrorReason.DamagedIndex"/>;
    /// other errors are ignored): until the engine moves to another commit, <see cref="Status"/> and the health check
    /// say unavailable with the reason, so a load balancer can take the instance out. Searches still run: those the
    /// damage does not touch are answered.
    /// </summary>
    public void ReportSearchFailure(ProductSearchException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Reason != ProductSearchErrorReason.DamagedIndex) return;
        lock (_gate)
        {
            if (_engine is not { } engine) return;
            var generation = engine.Manifest.Generation;
            if (_searchFailure?.Generation != generation)
                _logger.LogError(error, "Index {Path} generation {Generation} is damaged: {Reason}", IndexPath, generation, error.Message);
            _searchFailure = (generation, error);
        }
    }

    private void TryRefresh(SearchEngine engine)
    {
        try { engine.Refresh(); }
        catch (ProductSearchException ex) { _logger.LogDebug("Index {Path} still cannot move to a newer commit: {Reason}", IndexPath, ex.Message); }
    }

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private static string Describe(Exception? failure) => failure?.Message ?? "The index has not been opened.";

    /// <summary>Disposes the engine; later calls see the provider as disposed.</summary>
    public void Dispose()
    {
        SearchEngine? engine;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            engine = _engine;
            _engine = null;
        }
        engine?.Dispose();
    }
}
