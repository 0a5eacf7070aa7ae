namespace Crawler.Pipeline.Discovery.Classification;

/// <summary>What a link text or page title says about a document.</summary>
public sealed record ReportClassification(ReportVerdict Verdict, int? Year, string Reason)
{
    public bool IsReport => Verdict == ReportVerdict.Report;
}
