using Crawler.Reports.Model;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// Which report (agency + year) a parsed document is. Rule (docs/storage.md):
/// the year is the parsed year, else the year discovery saw in the link or title;
/// the agency is the source's agency when the parsed name is missing, equal, or one name ends with the
/// other (环翠区商务局 vs 威海市环翠区商务局 — reports often drop the city prefix, so the configured full
/// name keeps one identity across years); a clearly different parsed name (another agency's report on this
/// source's site, e.g. a city portal listing its bureaus' reports) is kept as the parsed name.
/// </summary>
public static class ReportIdentity
{
    public static (string Agency, int? Year) Decide(string sourceAgency, int? yearHint, AnnualReport report) =>
        (Agency(sourceAgency, report.Agency), report.Year ?? yearHint);

    public static string Agency(string sourceAgency, string? parsedAgency)
    {
        var source = Compact(sourceAgency);
        var parsed = Compact(parsedAgency);
        if (parsed.Length == 0 || parsed == source) return source;
        return source.EndsWith(parsed, StringComparison.Ordinal) || parsed.EndsWith(source, StringComparison.Ordinal) ? source : parsed;
    }

    private static string Compact(string? name) =>
        string.Concat((name ?? "").Where(c => !char.IsWhiteSpace(c)));
}
