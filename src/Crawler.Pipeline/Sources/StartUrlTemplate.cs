namespace Crawler.Pipeline.Sources;

/// <summary>
/// Start URLs may carry <c>{year}</c> (Hanweb's <c>xxgkAnnualReport.jsp?area=…&amp;fbtime={year}</c>: one URL per
/// agency and report year); they expand to the most recent report years.
/// </summary>
public static class StartUrlTemplate
{
    public const string YearPlaceholder = "{year}";

    /// <summary>
    /// Expands a start URL. Reports for year Y appear from January of Y+1, so the latest report year is the
    /// previous calendar year; <paramref name="years"/> years back from there are produced, newest first.
    /// </summary>
    public static IReadOnlyList<Uri> Expand(string startUrl, DateTimeOffset today, int years)
    {
        if (!startUrl.Contains(YearPlaceholder, StringComparison.Ordinal)) return [new Uri(startUrl)];
        var latest = today.Year - 1;
        return Enumerable.Range(0, years)
            .Select(i => new Uri(startUrl.Replace(YearPlaceholder, (latest - i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .ToList();
    }
}
