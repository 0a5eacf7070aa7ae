using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// What makes two documents the same report content: the template and every figure of tables 2–4.
/// Renditions of one report (a UTF-8 and a GBK page, the PDF and the DOCX attachment) differ in bytes, in
/// page furniture (附件：… / 附件下载：…), in line breaks and sometimes in what the extractor recovers of the
/// statistical period, but not in their figures; a corrected report almost always corrects figures.
/// A report without any figure (a free-text report) is compared by the letters of its title and prose.
/// </summary>
public static class ReportFingerprint
{
    public static string Of(AnnualReport report)
    {
        var content = new StringBuilder(report.Template.ToName()).Append('\n');
        var figures = report.Figures().ToList();
        if (figures.Any(f => f.Value is not null))
        {
            foreach (var figure in figures)
            {
                // 0 and 0.0 are the same amount: print without trailing zeros.
                content.Append(figure.Key).Append('=')
                    .Append(figure.Value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "null").Append('\n');
            }
        }
        else
        {
            var prose = report.Title + report.Sections.Overview + report.Sections.Problems + report.Sections.Other;
            content.Append(string.Concat(prose.Where(char.IsLetter)));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }
}
