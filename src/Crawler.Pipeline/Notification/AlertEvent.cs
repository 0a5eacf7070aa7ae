namespace Crawler.Pipeline.Notification;

/// <summary>
/// One thing worth telling people about, as stored in the outbox (one copy per channel) and as the
/// generic webhook's JSON body. <see cref="IdempotencyKey"/> is
/// <c>&lt;event&gt;:&lt;sourceId&gt;:&lt;year&gt;[:&lt;sha256&gt;]</c>, the same on every channel and every retry.
/// </summary>
public sealed record AlertEvent
{
    public required AlertEventKind Event { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string SourceId { get; init; }

    public required string Agency { get; init; }

    public string? Region { get; init; }

    /// <summary>The year reported on; null when the parser could not tell.</summary>
    public int? Year { get; init; }

    public required string Title { get; init; }

    /// <summary>Where a reader finds the report (the article page, else the document); for a missing report the agency's list page.</summary>
    public Uri? Url { get; init; }

    public Uri? DocumentUrl { get; init; }

    /// <summary>1 for a report never seen before, 2… for later versions; null for a missing report.</summary>
    public int? Version { get; init; }

    public string? Sha256 { get; init; }

    public KeyFigures Figures { get; init; } = KeyFigures.None;

    public IReadOnlyList<AlertFinding> Findings { get; init; } = [];

    /// <summary>For a missing report: the day the report was due (China Standard Time).</summary>
    public DateOnly? DueDate { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}
