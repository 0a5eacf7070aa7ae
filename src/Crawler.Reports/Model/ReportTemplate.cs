namespace Crawler.Reports.Model;

/// <summary>
/// The layout a report follows, detected from its printed structure (never from the notice it cites), by the
/// spec's spelling: "2021", "2019", or "free" for older free-text reports. Each named template is one
/// declaration under <c>Crawler.Reports.Templates</c> (Template2021.cs, Template2019.cs), found through
/// <c>ReportTemplates.For</c>; this value only names it. <c>default</c> is <see cref="Free"/>.
/// </summary>
public readonly record struct ReportTemplate
{
    private const string FreeName = "free";

    private readonly string? _name;

    public ReportTemplate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name == FreeName ? null : name;
    }

    /// <summary>The name in JSON, in the store and in the index ("2021", "2019", "free").</summary>
    public string Name => _name ?? FreeName;

    /// <summary>Older free-text reports: no template tables were found.</summary>
    public static ReportTemplate Free => default;

    public bool IsFree => _name is null;

    public override string ToString() => Name;
}
