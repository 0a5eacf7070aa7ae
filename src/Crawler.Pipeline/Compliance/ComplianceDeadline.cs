namespace Crawler.Pipeline.Compliance;

/// <summary>One configured due date: for the reports on <see cref="Year"/>, in <see cref="Region"/> (a prefix of a source's region) or everywhere.</summary>
public sealed record ComplianceDeadline
{
    public int Year { get; init; }

    public string? Region { get; init; }

    public DateOnly Date { get; init; }
}
