using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ProductSearch.Cli;

/// <summary>Writes log messages as bare lines (no category, no level prefix) for a command-line user.</summary>
internal sealed class PlainConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "plain";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message)) return;
        textWriter.WriteLine(logEntry.LogLevel >= LogLevel.Warning ? $"warning: {message}" : message);
    }
}
