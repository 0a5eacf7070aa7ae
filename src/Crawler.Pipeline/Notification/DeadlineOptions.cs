namespace Crawler.Pipeline.Notification;

/// <summary>
/// <c>Alerts:Deadline</c>. The regulation (条例第五十条) makes departments publish by 31 January; the
/// people's governments of counties and above publish their own report by 31 March, so those sources
/// get an override under <see cref="Sources"/> (keyed by source id).
/// </summary>
public sealed record DeadlineOptions
{
    public int Month { get; init; } = 1;

    public int Day { get; init; } = 31;

    public int GraceDays { get; init; } = 7;

    /// <summary>How many past due years are checked (1 = only the latest year whose deadline has passed).</summary>
    public int YearsBack { get; init; } = 1;

    /// <summary>The first report year checked; set it to the year monitoring began so a new deployment does not announce old gaps.</summary>
    public int? FirstYear { get; init; }

    /// <summary>
    /// Leave out sources marked verified: false (not yet reached from this network), whose silence may be
    /// the network's rather than the agency's. Off by default: "not found" is what the office needs to hear.
    /// </summary>
    public bool SkipUnverifiedSources { get; init; }

    public Dictionary<string, DeadlineRule> Sources { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The source's deadline with its overrides applied.</summary>
    public (int Month, int Day, int GraceDays) RuleFor(string sourceId) =>
        Sources.TryGetValue(sourceId, out var rule)
            ? (rule.Month ?? Month, rule.Day ?? Day, rule.GraceDays ?? GraceDays)
            : (Month, Day, GraceDays);
}
