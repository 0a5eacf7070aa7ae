namespace Crawler.Pipeline.Notification;

/// <summary>
/// When a source's report for year Y is due: <see cref="Month"/>/<see cref="Day"/> of Y+1, plus
/// <see cref="GraceDays"/> before the missing-report alert. Unset members fall back to the defaults.
/// </summary>
public sealed record DeadlineRule
{
    public int? Month { get; init; }

    public int? Day { get; init; }

    public int? GraceDays { get; init; }
}
