using Crawler.Reports.Documents;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Reports.Validation;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads a format-neutral document into an <see cref="AnnualReport"/> (<see cref="Read"/>): outline (title,
/// headings), metadata, tables 2/3/4 located by their labels and read label by label, the template from the printed
/// structure, with the findings of reading (TABLE_MISSING, ROW_UNREAD, LABEL_VARIANT, COLUMN_REPAIRED …) and what the
/// page showed (tables printed, rows unread, OCR confidence) for the rules. The consistency rules are a stage of their
/// own, <see cref="ReportValidator.Validate(ReportParseResult)"/>; <see cref="Parse"/> runs both, for callers that
/// want a checked report from one call (the CLI's <c>parse</c>, tests).
/// </summary>
public sealed class ReportParser : IReportParser
{
    /// <summary>OCR'd figures read below this confidence are named by a LOW_CONFIDENCE finding.</summary>
    public double LowConfidenceThreshold { get; init; } = OcrSuspectCells.DefaultThreshold;

    /// <summary>Read, then validate: the report with the findings of both.</summary>
    public ReportParseResult Parse(ReportDocument document) => ReportValidator.Validate(Read(document), LowConfidenceThreshold);

    /// <summary>Reads the document without judging its figures: the report and the findings of reading alone.</summary>
    public ReportParseResult Read(ReportDocument document)
    {
        var outline = OutlineReader.Read(document);
        var located = TableLocator.Locate(outline);
        if (outline.Title is null && outline.HeadingCount < 2 && located.Count == 0)
        {
            return ReportParseResult.NotAReport("未找到政府信息公开工作年度报告的标题、章节标题（一、总体情况 … 六、其他需要报告的事项）或模板表格");
        }
        var findings = new List<Finding>();
        var active = Lines(located, TableKind.ActiveDisclosure);
        var applications = Lines(located, TableKind.Applications);
        var review = Lines(located, TableKind.ReviewAndLitigation);

        var activeTemplate = ActiveDisclosureTableReader.DetectTemplate(active);
        var applicationsReading = ApplicationsTableReader.Read(applications, findings);
        var layout = TemplateDecision.Decide(activeTemplate, applicationsReading);
        var activeReading = ActiveDisclosureTableReader.Read(active, layout.Layout(ReportSchema.ActiveDisclosureKey), findings);
        var reviewReading = ReviewTableReader.Read(review, findings);
        var template = activeReading.Found || applicationsReading.Found || reviewReading.Found ? layout.Template : ReportTemplate.Free;

        var metadata = MetadataReader.Read(outline);
        var report = AnnualReport.Blank(template, layout.Applied) with
        {
            Title = metadata.Title,
            Agency = metadata.Agency,
            Year = metadata.Year,
            StatisticalPeriod = metadata.Period,
            Sections = metadata.Sections,
        };
        Fill(report.ActiveDisclosure, activeReading);
        Fill(report.Applications, applicationsReading);
        Fill(report.ReviewAndLitigation, reviewReading);

        foreach (var substitution in report.Tables.SelectMany(t => t.Definition.Substitutions))
            findings.Add(FindingSeverities.Create(FindingCodes.TemplateMixed, substitution.Where, substitution.Message));
        ReportMissingTables(outline, template, metadata.Year, findings, (activeReading, report.ActiveDisclosure), (applicationsReading, report.Applications), (reviewReading, report.ReviewAndLitigation));
        ReportIntroductionYear(metadata, findings);
        var unread = ReportUnreadRows(findings, (activeReading, report.ActiveDisclosure), (applicationsReading, report.Applications), (reviewReading, report.ReviewAndLitigation));
        return new ReportParseResult(report, findings)
        {
            PrintedTables = PrintedTables(activeReading, applicationsReading, reviewReading),
            UnreadRows = unread,
            RowConfidence = IsOcr(document)
                ? RowConfidence((report.ActiveDisclosure, activeReading), (report.Applications, applicationsReading), (report.ReviewAndLitigation, reviewReading))
                : null,
        };
    }

    private static List<GridLine> Lines(Dictionary<TableKind, List<Table>> located, TableKind kind) =>
        located.TryGetValue(kind, out var tables) ? GridLine.From(tables) : [];

    private static void Fill(FigureTable table, TableReading reading)
    {
        foreach (var row in table.Definition.Rows)
        {
            if (!reading.Rows.TryGetValue(row.Key, out var values)) continue;
            for (var c = 0; c < row.Cells.Count && c < values.Length; c++)
            {
                table[row.Key, row.Cells[c].Key] = values[c];
            }
        }
    }

    /// <summary>Only OCR sets a cell's confidence.</summary>
    private static bool IsOcr(ReportDocument document) =>
        document.Tables.Any(t => t.Rows.Any(r => r.Cells.Any(c => c.Confidence is not null)));

    private static Dictionary<string, double> RowConfidence(params (FigureTable Table, TableReading Reading)[] tables)
    {
        var confidence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (table, reading) in tables)
            foreach (var (row, value) in reading.Confidence) confidence[$"{table.Key}.{row}"] = value;
        return confidence;
    }

    private static HashSet<string> PrintedTables(TableReading active, TableReading applications, TableReading review)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        if (active.Found) printed.Add(ReportSchema.ActiveDisclosureKey);
        if (applications.Found) printed.Add(ReportSchema.ApplicationsKey);
        if (review.Found) printed.Add(ReportSchema.ReviewAndLitigationKey);
        return printed;
    }

    /// <summary>
    /// Tables are expected when any was found, when a section heading promises one, or when the report is on
    /// on or after the first year of the earliest template (2019); older free-text reports have none to miss.
    /// </summary>
    private static void ReportMissingTables(ReportOutline outline, ReportTemplate template, int? year, List<Finding> findings, params (TableReading Reading, FigureTable Table)[] tables)
    {
        var expectTables = !template.IsFree || outline.Headings[2] >= 0 || outline.Headings[3] >= 0 || outline.Headings[4] >= 0
            || year >= ReportTemplates.FirstYear;
        if (!expectTables) return;
        foreach (var (reading, table) in tables)
        {
            if (reading.Found) continue;
            findings.Add(FindingSeverities.Create(FindingCodes.TableMissing, table.Key, $"未找到模板表格“{table.Definition.Title}”，其各项数据记为空"));
        }
    }

    /// <summary>
    /// ROW_UNREAD: a template row of a printed table that the parser did not read (its label was not found, or
    /// its figures could not be placed). Its cells stay null, and they are unknown, not blank: BLANK_CELLS does
    /// not count them. Rows a layout's substitution replaced (the 2021 sub-rows of a mixed report) are absent.
    /// </summary>
    private static HashSet<string> ReportUnreadRows(List<Finding> findings, params (TableReading Reading, FigureTable Table)[] tables)
    {
        var unread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (reading, table) in tables)
        {
            if (!reading.Found) continue;
            foreach (var row in table.Definition.Rows)
            {
                if (reading.Has(row.Key) || table.Definition.IsReplaced(row.Key)) continue;
                var where = $"{table.Key}.{row.Key}";
                unread.Add(where);
                findings.Add(FindingSeverities.Create(FindingCodes.RowUnread, where,
                    $"{table.Definition.Name}“{PrintedLabels.Of(table.Key, row.Key)}”行未能读出（表中未找到该行，或其数值无法对应到列）：各单元格记为空，数值未知，并非报告未填"));
            }
        }
        return unread;
    }

    private static void ReportIntroductionYear(ReportMetadata metadata, List<Finding> findings)
    {
        if (metadata.Year is not { } year) return;
        var other = metadata.IntroductionReportYears.Where(y => y != year).Distinct().ToArray();
        if (other.Length == 0) return;
        findings.Add(FindingSeverities.Create(FindingCodes.PeriodYearMismatch, "introduction",
            $"引言称本报告为 {string.Join("、", other)} 年度报告，与报告年度 {year} 不符"));
    }
}
