namespace Crawler.Pipeline.Sources;

/// <summary>
/// One watched agency (an entry of config/sources.json): where its reports are listed and how to crawl it.
/// </summary>
public sealed record Source
{
    public required string Id { get; init; }

    /// <summary>The agency's full name, e.g. 聊城市商务局.</summary>
    public required string Agency { get; init; }

    /// <summary>e.g. 山东省聊城市.</summary>
    public string? Region { get; init; }

    public required IReadOnlyList<string> StartUrls { get; init; }

    /// <summary>A Quartz cron expression; null means the season-aware default.</summary>
    public string? Schedule { get; init; }

    /// <summary>Lets the crawler reach loopback/private addresses (tests and the bundled sample site only).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Accept invalid TLS certificates for this source only (many government sites have expired ones).</summary>
    public bool IgnoreCertificateErrors { get; init; }

    /// <summary>False for entries not yet verified from this network.</summary>
    public bool Verified { get; init; }
}
