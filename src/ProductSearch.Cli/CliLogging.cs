using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ProductSearch.Cli;

/// <summary>The CLI's loggers: plain lines on standard error, so standard output stays clean for results and JSON.</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information)
        .AddFilter("Microsoft", LogLevel.Warning)
        // The commands print their own summaries; the library's progress notes are for --verbose.
        .AddFilter("ProductSearch.Indexing", verbose ? LogLevel.Debug : LogLevel.Warning)
        .AddConsole(options =>
        {
            options.FormatterName = PlainConsoleFormatter.Name;
            options.LogToStandardErrorThreshold = LogLevel.Trace;
        })
        .AddConsoleFormatter<PlainConsoleFormatter, ConsoleFormatterOptions>());
}
