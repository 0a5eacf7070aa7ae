using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Status;

/// <summary>A source's crawl state with its next scheduled run.</summary>
internal sealed record CrawlStateLine(string SourceId, string Agency, SourceCrawlState? State, DateTimeOffset? NextRun);

/// <summary>What the overview page shows for one report year.</summary>
internal sealed record OverviewModel
{
    public required int Year { get; init; }

    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>Every agency's row for the year (the summary counts), and the rows the filters keep (the list).</summary>
    public required IReadOnlyList<ComplianceRow> AllRows { get; init; }

    public required IReadOnlyList<ComplianceRow> Rows { get; init; }

    public string? Region { get; init; }

    public ComplianceStatus? Status { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }

    public required IReadOnlyList<YearTotals> YearTotals { get; init; }

    public required IReadOnlyList<CrawlStateLine> CrawlStates { get; init; }

    public required DateTimeOffset Now { get; init; }
}

/// <summary>What one agency's page shows: its source, every year's compliance and latest report, every version.</summary>
internal sealed record AgencyModel
{
    public required string SourceId { get; init; }

    public required string Agency { get; init; }

    public string? Region { get; init; }

    public required IReadOnlyList<ComplianceRow> Years { get; init; }

    /// <summary>Every stored version of the agency's reports, findings refreshed (CARRY_OVER_MISMATCH).</summary>
    public required IReadOnlyList<ReportVersionRecord> Versions { get; init; }

    public required CrawlStateLine Crawl { get; init; }
}

/// <summary>A version and the one before it of the same report.</summary>
internal sealed record ChangesModel(ReportVersionRecord Previous, ReportVersionRecord Current);
