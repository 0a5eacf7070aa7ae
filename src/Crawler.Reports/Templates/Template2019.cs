using Crawler.Reports.Model;

namespace Crawler.Reports.Templates;

/// <summary>
/// The 2019 template (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports: table 2 counts documents made,
/// published and public in total, items of the previous year and their change, and 政府集中采购; table 3 has a
/// single row （六）其他处理. The keys stay the 2019 ones (made, previousYearItems, procurement …).
/// </summary>
public static class Template2019
{
    public static ReportTemplate Id { get; } = new("2019");

    private static CellDefinition C(string key, string label) => new(key, label);

    private static readonly CellDefinition[] Documents = [C("made", "本年新制作数量"), C("published", "本年新公开数量"), C("totalPublic", "对外公开总数量")];
    private static readonly CellDefinition[] Items = [C("previousYearItems", "上一年项目数量"), C("change", "本年增/减"), C("decisions", "处理决定数量")];

    /// <summary>The single row （六）其他处理; 2021 reports that still print it use it in place of the three 2021 rows.</summary>
    public static RowDefinition OtherHandling { get; } = ReportSchema.ApplicationRow("otherHandling", "其他处理", "（六）", ReportSchema.ResultGroup, result: true);

    public static TemplateDeclaration Declaration { get; } = new()
    {
        Template = Id,
        Notice = "国办公开办函〔2019〕60号",
        FirstYear = 2019,
        ActiveDisclosure = new(ReportSchema.ActiveDisclosureKey, ReportSchema.ActiveDisclosureTitle,
        [
            new("rules", "规章", Documents, "第二十条第（一）项"),
            new("normativeDocuments", "规范性文件", Documents, "第二十条第（一）项") { Synonyms = ["行政规范性文件"] },
            new("licensing", "行政许可", Items, "第二十条第（五）项"),
            new("otherServices", "其他对外管理服务事项", Items, "第二十条第（五）项"),
            new("penalty", "行政处罚", Items, "第二十条第（六）项"),
            new("coercion", "行政强制", Items, "第二十条第（六）项"),
            new("fees", "行政事业性收费", [C("previousYearItems", "上一年项目数量"), C("change", "本年增/减")], "第二十条第（八）项"),
            new("procurement", "政府集中采购",
                [C("projects", "采购项目数量"), new("amountTenThousandYuan", "采购总金额", FigureKind.Amount) { Unit = MoneyUnit.TenThousandYuan }], "第二十条第（九）项"),
        ]) { Number = "二" },
        Applications = ReportSchema.Applications([OtherHandling]),
        ReviewAndLitigation = ReportSchema.ReviewAndLitigation,
        Headers = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额"],
        ExactHeaders = ["处理决定数量"],
    };
}
