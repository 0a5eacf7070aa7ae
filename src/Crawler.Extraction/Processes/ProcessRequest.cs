namespace Crawler.Extraction.Processes;

/// <summary>An external tool call: the program, its arguments, and its limits.</summary>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Standard output beyond this many bytes fails the run (a hostile file cannot fill memory).</summary>
    public long MaxOutputBytes { get; init; } = 64L * 1024 * 1024;

    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
