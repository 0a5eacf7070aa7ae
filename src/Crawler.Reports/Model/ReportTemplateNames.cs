namespace Crawler.Reports.Model;

/// <summary>The spec's spelling of each template in JSON and in the index: "2021", "2019", "free".</summary>
public static class ReportTemplateNames
{
    public static string ToName(this ReportTemplate template) => template switch
    {
        ReportTemplate.Template2021 => "2021",
        ReportTemplate.Template2019 => "2019",
        _ => "free",
    };

    public static ReportTemplate? FromName(string? name) => name switch
    {
        "2021" => ReportTemplate.Template2021,
        "2019" => ReportTemplate.Template2019,
        "free" => ReportTemplate.Free,
        _ => null,
    };
}
