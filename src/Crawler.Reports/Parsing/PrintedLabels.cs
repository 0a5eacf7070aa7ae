using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Parsing;

/// <summary>How the template prints a row, with its ordinal and group, for people reading summaries and messages.</summary>
public static class PrintedLabels
{
    /// <summary>"（七）总计", "（六）其他处理 3.其他", "一、本年新收政府信息公开申请数量"; table 2 and 4 rows by their label.</summary>
    public static string Of(string tableKey, string rowKey) => tableKey == ReportSchema.ApplicationsKey
        ? ApplicationsTableReader.RowName(rowKey)
        : ReportTemplates.AllTables.Where(t => t.Key == tableKey).Select(t => t.Row(rowKey)?.Label).FirstOrDefault(l => l is not null) ?? rowKey;
}
