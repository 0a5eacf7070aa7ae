using System.Globalization;

namespace Crawler.Worker.Cli;

/// <summary>
/// Log lines for people: "[time] level category: message", one per line, the exception's message after it and
/// its stack trace only with --debug. The category is shortened to its type name.
/// </summary>
internal sealed class TerminalLoggerProvider(LogSink sink, bool timestamps, bool traces) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink, timestamps, traces, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose() => sink.Dispose();

    private sealed class Logger(LogSink sink, bool timestamps, bool traces, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var time = timestamps ? DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz ", CultureInfo.InvariantCulture) : "";
            var message = ErrorReport.OneLine(formatter(state, exception));
            if (exception is not null && !message.Contains(exception.Message, StringComparison.Ordinal)) message += ": " + ErrorReport.OneLine(exception.Message);
            sink.Write($"{time}{Level(logLevel)} {category}: {message}");
            if (traces && exception is not null) sink.Write(exception.ToString());
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            _ => "fatal",
        };
    }
}
