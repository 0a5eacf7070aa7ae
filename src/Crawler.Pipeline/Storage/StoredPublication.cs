using System.Globalization;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Storage;

/// <summary>The stored columns published_at (yyyy-MM-dd, or yyyy-MM for a month), published_at_source and publication_dates read back as one value.</summary>
public static class StoredPublication
{
    public static PublicationDate? Chosen(string? publishedAt, string? source, string? datesJson)
    {
        if (publishedAt is null || DateSources.FromName(source) is not { } from) return null;
        var month = publishedAt.Length == 7;
        if (!DateOnly.TryParseExact(month ? publishedAt + "-01" : publishedAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        var precision = month ? DatePrecision.Month : DatePrecision.Day;
        // The evidence of the chosen date is the candidate it was chosen from.
        var evidence = PublicationJson.Deserialize(datesJson).FirstOrDefault(d => d.Source == from && d.Date == date && d.Precision == precision)?.Evidence ?? "";
        return new PublicationDate(date, from, evidence) { Precision = precision };
    }
}
