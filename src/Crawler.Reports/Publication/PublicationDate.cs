namespace Crawler.Reports.Publication;

/// <summary>
/// One publication date as one source gives it: the calendar date in Beijing time (the first of the month when
/// <see cref="Precision"/> is <see cref="DatePrecision.Month"/>), where it came from, and the text it was read from.
/// </summary>
public sealed record PublicationDate(DateOnly Date, DateSource Source, string Evidence)
{
    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    /// <summary>The last day the value allows: the date itself, or the month's last day.</summary>
    public DateOnly LatestDate => Precision == DatePrecision.Month ? Date.AddMonths(1).AddDays(-1) : Date;

    /// <summary>True when <paramref name="day"/> lies within the value (its day, or its month).</summary>
    public bool Covers(DateOnly day) => day >= Date && day <= LatestDate;

    /// <summary>2024-01-25, or 2024-01 for a month.</summary>
    public string Text => Precision == DatePrecision.Month ? Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
        : Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
