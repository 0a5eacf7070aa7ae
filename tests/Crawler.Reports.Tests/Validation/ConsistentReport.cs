using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Tests.Validation;

/// <summary>A hand-made report whose figures satisfy every rule, to break one cell at a time.</summary>
internal static class ConsistentReport
{
    public static AnnualReport Create(ReportTemplate? template = null, bool mixed = false)
    {
        var report = AnnualReport.Blank(template ?? Template2021.Id, mixed) with
        {
            Year = 2023,
            StatisticalPeriod = new StatisticalPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
            Sections = new ReportSections("2023 年共收到 5 件依申请公开事项。", null, null),
        };
        foreach (var row in report.ActiveDisclosure.Definition.Rows)
            foreach (var cell in row.Cells) report.ActiveDisclosure[row.Key, cell.Key] = 1;
        var applications = report.Applications;
        foreach (var row in applications.Definition.Rows)
        {
            var absent = mixed && row.Key is "otherNoCorrection" or "otherNoFee" or "otherOther";
            foreach (var column in ReportSchema.ApplicantColumns) applications[row.Key, column.Key] = absent ? null : 0;
        }
        // 自然人 4 + 商业企业 1 received; 3 granted, 1 not held, 1 carried forward.
        SetRow(applications, "newReceived", naturalPerson: 4, commercialEnterprise: 1);
        SetRow(applications, "granted", naturalPerson: 3, commercialEnterprise: 0);
        SetRow(applications, "unavailableNotHeld", naturalPerson: 0, commercialEnterprise: 1);
        SetRow(applications, "totalHandled", naturalPerson: 3, commercialEnterprise: 1);
        SetRow(applications, "carriedForward", naturalPerson: 1, commercialEnterprise: 0);
        foreach (var group in report.ReviewAndLitigation.Definition.Rows)
        {
            report.ReviewAndLitigation[group.Key, "upheld"] = 1;
            report.ReviewAndLitigation[group.Key, "corrected"] = 0;
            report.ReviewAndLitigation[group.Key, "other"] = 0;
            report.ReviewAndLitigation[group.Key, "pending"] = 1;
            report.ReviewAndLitigation[group.Key, "total"] = 2;
        }
        return report;
    }

    private static void SetRow(FigureTable table, string row, int naturalPerson, int commercialEnterprise)
    {
        table[row, "naturalPerson"] = naturalPerson;
        table[row, "commercialEnterprise"] = commercialEnterprise;
        table[row, "total"] = naturalPerson + commercialEnterprise;
    }
}
