using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Processing;

/// <summary>A report the store took as a new report or a new version (the store stage's answer), for the announce stage.</summary>
public sealed record StoredReport(ReadReport Report, ReportVersionDraft Draft, StoredVersion Stored);
