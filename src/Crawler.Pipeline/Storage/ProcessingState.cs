namespace Crawler.Pipeline.Storage;

/// <summary>How far the document with these bytes got, and why it stopped there.</summary>
public sealed record ProcessingState(string Sha256, ProcessingStatus Status, string? Detail, int Attempts, DocumentContext Context)
{
    public long? VersionId { get; init; }

    public DateTimeOffset LastAttemptAt { get; init; }
}
