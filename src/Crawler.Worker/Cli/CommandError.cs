namespace Crawler.Worker.Cli;

/// <summary>
/// An error for the person at the command line: one line in their terms, and the exit code it ends with.
/// Any command (or code it calls in this host) may throw it; <see cref="CrawlerCommandLine"/> prints the message
/// on stderr, without a stack trace unless --debug, and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CommandError(string message, int exitCode = ExitCodes.Failed, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CommandError Usage(string message) => new(message, ExitCodes.Usage);
}
