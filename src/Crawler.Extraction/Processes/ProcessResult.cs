namespace Crawler.Extraction.Processes;

/// <summary>
/// How an external tool run ended. <see cref="Failure"/> is null on success; otherwise it says what
/// went wrong (missing binary, timeout, non-zero exit with stderr, output too large).
/// </summary>
public sealed record ProcessResult(int ExitCode, byte[] StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string? Failure { get; init; }

    public bool Succeeded => Failure is null;
}
