using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProductSearch.Tests.Support;

/// <summary>A logger factory that keeps every line, for tests that check what was logged and how often.</summary>
internal sealed class ListLogger : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public int Count(LogLevel level, string part) => Lines.Count(l => l.Level == level && l.Message.Contains(part, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) { }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose() { }
}
