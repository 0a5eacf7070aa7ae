using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>The printed labels of the three template tables, with their ordinals and accepted synonyms.</summary>
internal static class LabelCatalogs
{
    private static readonly Dictionary<string, string> ApplicationOrdinals = new()
    {
        ["newReceived"] = "一", ["carriedOver"] = "二", ["granted"] = "（一）", ["partiallyGranted"] = "（二）",
        ["deniedStateSecret"] = "1", ["deniedProhibitedByLaw"] = "2", ["deniedSecurityStability"] = "3", ["deniedThirdPartyRights"] = "4",
        ["deniedInternalAffairs"] = "5", ["deniedProcessInformation"] = "6", ["deniedEnforcementCaseFile"] = "7", ["deniedAdministrativeQuery"] = "8",
        ["unavailableNotHeld"] = "1", ["unavailableNeedsCreation"] = "2", ["unavailableStillUnclear"] = "3",
        ["rejectedComplaint"] = "1", ["rejectedDuplicate"] = "2", ["rejectedPublication"] = "3", ["rejectedExcessive"] = "4", ["rejectedConfirmation"] = "5",
        ["otherNoCorrection"] = "1", ["otherNoFee"] = "2", ["otherOther"] = "3", ["otherHandling"] = "（六）",
        ["totalHandled"] = "（七）", ["carriedForward"] = "四",
    };

    /// <summary>Every row of table 3 in printed order, including the 2019 single row （六）其他处理.</summary>
    public static LabelCatalog ApplicationRows { get; } = new(
        ReportSchema.ApplicationsMixed.Rows.Select(r => r.Key == "totalHandled"
            ? new LabelEntry(r.Key, r.Label, ApplicationOrdinals[r.Key], "合计")
            : new LabelEntry(r.Key, r.Label, ApplicationOrdinals[r.Key])));

    public static LabelCatalog ApplicantColumns { get; } = new(ReportSchema.ApplicantColumns.Select(c => c.Key switch
    {
        "socialWelfareOrganization" => new LabelEntry(c.Key, c.Label, null, "社会组织"),
        "total" => new LabelEntry(c.Key, c.Label, null, "合计"),
        _ => new LabelEntry(c.Key, c.Label),
    }));

    public static LabelCatalog ActiveRows2021 { get; } = new(ReportSchema.ActiveDisclosure2021.Rows.Select(r =>
        r.Key == "normativeDocuments" ? new LabelEntry(r.Key, r.Label, null, "规范性文件") : new LabelEntry(r.Key, r.Label)));

    public static LabelCatalog ActiveRows2019 { get; } = new(ReportSchema.ActiveDisclosure2019.Rows.Select(r =>
        r.Key == "normativeDocuments" ? new LabelEntry(r.Key, r.Label, null, "行政规范性文件") : new LabelEntry(r.Key, r.Label)));

    public static LabelCatalog ReviewCells { get; } = new(ReportSchema.ReviewCells.Select(c =>
        c.Key == "total" ? new LabelEntry(c.Key, c.Label, null, "合计") : new LabelEntry(c.Key, c.Label)));

    public static LabelCatalog ReviewGroups { get; } = new(ReportSchema.ReviewAndLitigation.Rows.Select(r => new LabelEntry(r.Key, r.Label)));

    /// <summary>Display names of the applicant columns for messages: 自然人 … 总计.</summary>
    public static string ColumnName(string key) => ReportSchema.ApplicantColumns.First(c => c.Key == key).Label;
}
