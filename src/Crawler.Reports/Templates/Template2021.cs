using Crawler.Reports.Model;

namespace Crawler.Reports.Templates;

/// <summary>
/// The 2021 template (国办公开办函〔2021〕30号), used from the 2021 reports on: table 2 counts documents issued,
/// repealed and in force and the year's decisions, and the fees in 万元; table 3 splits （六）其他处理 into three rows.
/// Reports that still print the 2019 single row （六）其他处理 are read with it in place of the three (TEMPLATE_MIXED).
/// </summary>
public static class Template2021
{
    public static ReportTemplate Id { get; } = new("2021");

    private static CellDefinition C(string key, string label) => new(key, label);

    private static readonly CellDefinition[] Documents = [C("issued", "本年制发件数"), C("repealed", "本年废止件数"), C("inForce", "现行有效件数")];
    private static readonly CellDefinition[] Decisions = [C("decisions", "本年处理决定数量")];

    /// <summary>（六）其他处理's three rows, which the 2019 single row replaces in a mixed report.</summary>
    public static IReadOnlyList<RowDefinition> OtherHandlingRows { get; } =
    [
        ReportSchema.ApplicationRow("otherNoCorrection", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "其他处理", result: true),
        ReportSchema.ApplicationRow("otherNoFee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2", "其他处理", result: true),
        ReportSchema.ApplicationRow("otherOther", "其他", "3", "其他处理", result: true),
    ];

    public static TemplateDeclaration Declaration { get; } = new()
    {
        Template = Id,
        Notice = "国办公开办函〔2021〕30号",
        FirstYear = 2021,
        ActiveDisclosure = new(ReportSchema.ActiveDisclosureKey, ReportSchema.ActiveDisclosureTitle,
        [
            new("rules", "规章", Documents, "第二十条第（一）项"),
            new("normativeDocuments", "行政规范性文件", Documents, "第二十条第（一）项") { Synonyms = ["规范性文件"] },
            new("licensing", "行政许可", Decisions, "第二十条第（五）项"),
            new("penalty", "行政处罚", Decisions, "第二十条第（六）项"),
            new("coercion", "行政强制", Decisions, "第二十条第（六）项"),
            new("fees", "行政事业性收费",
                [new("amountTenThousandYuan", "本年收费金额（单位：万元）", FigureKind.Amount) { Unit = MoneyUnit.TenThousandYuan }], "第二十条第（八）项"),
        ]) { Number = "二" },
        Applications = ReportSchema.Applications(OtherHandlingRows),
        ReviewAndLitigation = ReportSchema.ReviewAndLitigation,
        Headers = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"],
        Substitutions =
        [
            new(ReportSchema.ApplicationsKey, Template2019.OtherHandling, [.. OtherHandlingRows.Select(r => r.Key)],
                "表三按 2021 年模板印制，却仍用 2019 年模板的单行“（六）其他处理”：该行记入 otherHandling，三个 2021 年子行记为缺失"),
        ],
    };
}
