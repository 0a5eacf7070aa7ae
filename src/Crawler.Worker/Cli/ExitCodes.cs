namespace Crawler.Worker.Cli;

/// <summary>
/// The exit codes of every <c>crawler</c> command (the README's table). Scripts and cron jobs rely on them:
/// keep the numbers.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything asked was done (a report with findings is still a success).</summary>
    public const int Success = 0;

    /// <summary>Some sources (or channels, documents) failed; the others were done.</summary>
    public const int SomeFailed = 1;

    /// <summary>Bad usage: an unknown command or option, a value that does not parse or is not one of those allowed, invalid configuration.</summary>
    public const int Usage = 2;

    /// <summary>Nothing could be done: every source failed, the input or the data folder cannot be read, the output cannot be written.</summary>
    public const int Failed = 3;

    /// <summary><c>parse</c>: the document was read but is not an annual report.</summary>
    public const int NotAReport = 4;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
