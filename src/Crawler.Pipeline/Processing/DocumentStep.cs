namespace Crawler.Pipeline.Processing;

/// <summary>
/// What one per-document stage hands on: the next stage's input, or — when the document's way ends at this stage
/// (a failed fetch, bytes already processed, quarantine, not a report, the same report again) — its outcome, already
/// recorded in the processing state by the stage that ended it.
/// </summary>
public readonly record struct DocumentStep<T>(T? Next, ProcessingOutcome? Ended) where T : class
{
    public static DocumentStep<T> Continue(T next) => new(next, null);

    public static implicit operator DocumentStep<T>(ProcessingOutcome ended) => new(null, ended);
}
