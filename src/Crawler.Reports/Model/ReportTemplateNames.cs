using Crawler.Reports.Templates;

namespace Crawler.Reports.Model;

/// <summary>The spec's spelling of each template in JSON and in the index: "2021", "2019", "free" (the declarations' names).</summary>
public static class ReportTemplateNames
{
    public static string ToName(this ReportTemplate template) => template.Name;

    /// <summary>The template of that name among the declared ones, <see cref="ReportTemplate.Free"/> for "free", else null.</summary>
    public static ReportTemplate? FromName(string? name) =>
        name == ReportTemplate.Free.Name ? ReportTemplate.Free : ReportTemplates.Find(name)?.Template;
}
