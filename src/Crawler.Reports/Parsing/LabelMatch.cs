namespace Crawler.Reports.Parsing;

/// <summary>
/// A printed label matched to a template key. <paramref name="Exact"/> is false for a typo, a synonym,
/// an abbreviation or a wrong ordinal (a LABEL_VARIANT); <paramref name="Printed"/> is the label as printed.
/// </summary>
internal sealed record LabelMatch(string Key, bool Exact, string Printed, string Expected);
