namespace Crawler.LoadTest.SearchScale;

/// <summary>One generated report version: which report (index into <see cref="SyntheticReports"/>), its identity and its text.</summary>
public sealed record SyntheticVersion(int Report, bool Revised, string Agency, string Region, int Year, string Text);
