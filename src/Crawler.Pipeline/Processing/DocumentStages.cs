using Crawler.Pipeline.Archiving;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The per-document stages in their order, as <c>ReportPipeline</c> calls them: archive → extract → parse → validate →
/// store → announce, and the processing states they end documents in (quarantine, not a report).
/// </summary>
public sealed record DocumentStages(
    ArchiveStage Archive,
    ExtractStage Extract,
    ParseStage Parse,
    ValidateStage Validate,
    StoreStage Store,
    AnnounceStage Announce,
    ProcessingStates States);
