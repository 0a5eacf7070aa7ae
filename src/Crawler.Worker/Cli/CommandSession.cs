using System.CommandLine;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// How one command talks to the person who ran it: results on stdout, logs, progress and errors on stderr (or logs to
/// <c>--log FILE</c>); colour and live progress only on a terminal and never with NO_COLOR; quiet logs on a terminal
/// unless <c>-v</c>; <c>--debug</c> for debug logs and stack traces.
/// </summary>
internal sealed class CommandSession
{
    public const string VerboseOption = "--verbose";
    public const string DebugOption = "--debug";
    public const string LogOption = "--log";

    private CommandSession(TextWriter output, TextWriter error, bool verbose, bool debug, string? logFile)
    {
        Output = output;
        Error = error;
        Verbose = verbose;
        Debug = debug;
        LogFile = logFile;
        var color = ColorAllowed();
        OutputIsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        ErrorIsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        Out = TerminalOutput.For(output, OutputIsTerminal, color);
        Err = TerminalOutput.For(error, ErrorIsTerminal, color);
        LiveProgress = ErrorIsTerminal && color;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Verbose { get; }

    public bool Debug { get; }

    public string? LogFile { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>Results: colour only when stdout is a terminal and NO_COLOR is unset.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress and notices.</summary>
    public IAnsiConsole Err { get; }

    /// <summary>A live, redrawn progress area: stderr is a terminal that may take ANSI codes.</summary>
    public bool LiveProgress { get; }

    /// <summary>The global options, on the root command and every sub-command.</summary>
    public static IEnumerable<Option> GlobalOptions()
    {
        yield return new Option<bool>(VerboseOption, "-v") { Description = "More log lines on stderr (information; they are off in a terminal by default).", Recursive = true };
        yield return new Option<bool>(DebugOption) { Description = "Debug log lines, and the stack trace of an error.", Recursive = true };
        yield return new Option<string?>(LogOption) { Description = "Write log lines to this file instead of stderr.", Recursive = true };
    }

    public static CommandSession From(ParseResult parseResult) => new(
        parseResult.InvocationConfiguration.Output,
        parseResult.InvocationConfiguration.Error,
        Value<bool>(parseResult, VerboseOption),
        Value<bool>(parseResult, DebugOption),
        Value<string?>(parseResult, LogOption));

    /// <summary>
    /// The level logs start at: debug with --debug, information with -v, into a file, or for the long-running
    /// commands (crawl, run) whose stderr is not a terminal (their logs are the record); warnings otherwise.
    /// </summary>
    public LogLevel LogLevel(bool longRunning) =>
        Debug ? Microsoft.Extensions.Logging.LogLevel.Debug
        : Verbose || LogFile is not null || (longRunning && !ErrorIsTerminal) ? Microsoft.Extensions.Logging.LogLevel.Information
        : Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>Log lines to stderr (through the live progress area when there is one) or to --log FILE.</summary>
    public void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, bool longRunning, bool timestamps)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        var level = LogLevel(longRunning);
        logging.SetMinimumLevel(level);
        // appsettings.json raises "Default" to Information; the session's level is the floor the person asked for.
        logging.AddFilter((category, logLevel) => logLevel >= level
            && (category is null || !category.StartsWith("Microsoft", StringComparison.Ordinal) || logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning || Debug));
        logging.AddProvider(new TerminalLoggerProvider(LogSink, timestamps || LogFile is not null || (longRunning && !ErrorIsTerminal), Debug));
    }

    public LogSink LogSink => _sink ??= LogFile is null ? new LogSink(Error, Err) : LogSink.ToFile(LogFile);

    private LogSink? _sink;

    private static bool ColorAllowed() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    private static T? Value<T>(ParseResult parseResult, string name)
    {
        try
        {
            return parseResult.GetValue<T>(name);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A command line built without the global options (a test wiring one command).
            return default;
        }
    }
}
