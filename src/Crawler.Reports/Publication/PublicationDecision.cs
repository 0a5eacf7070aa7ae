namespace Crawler.Reports.Publication;

/// <summary>
/// The publication date chosen from every date found, by precedence (docs/publication-dates.md):
/// page metadata and the page's date line, then the URL, then the list entry, then the document's own dates
/// (落款, then the file's creation date), then HTTP Last-Modified, and the first fetch only when nothing else
/// gave a date. Within a tier the order of <see cref="DateSource"/> holds. A month (a /202401/ folder) is
/// refined by a day-precise date of a later tier inside that month; otherwise it stands as the month.
/// </summary>
public sealed record PublicationDecision(PublicationDate Chosen, IReadOnlyList<PublicationDate> Candidates)
{
    /// <summary>True when only the crawler's own first fetch dates the report.</summary>
    public bool FromFetchOnly => Chosen.Source == DateSource.FirstFetched;

    /// <returns>Null when there is no candidate at all.</returns>
    public static PublicationDecision? Decide(IEnumerable<PublicationDate> candidates)
    {
        var ordered = candidates.OrderBy(c => c.Source).ThenBy(c => c.Precision).ToList();
        if (ordered.Count == 0) return null;
        var first = ordered[0];
        if (first.Precision == DatePrecision.Day) return new PublicationDecision(first, ordered);
        var refinement = ordered.FirstOrDefault(c => c.Precision == DatePrecision.Day && c.Source > first.Source && c.Source != DateSource.FirstFetched
                                                     && first.Covers(c.Date));
        return new PublicationDecision(refinement ?? first, ordered);
    }
}
