namespace Crawler.Reports.Model;

/// <summary>
/// Every figure of shared/spec/report-model.md, by template: keys, printed labels and order.
/// The parser, the rules, the JSON export, the CSV export and the index mapping all read this.
/// </summary>
public static class ReportSchema
{
    public const string ActiveDisclosureKey = "activeDisclosure";
    public const string ApplicationsKey = "applications";
    public const string ReviewAndLitigationKey = "reviewAndLitigation";

    private static CellDefinition C(string key, string label, FigureKind kind = FigureKind.Count) => new(key, label, kind);

    // ---- Table 2 -------------------------------------------------------------------------
    private static readonly CellDefinition[] Documents2021 =
        [C("issued", "本年制发件数"), C("repealed", "本年废止件数"), C("inForce", "现行有效件数")];
    private static readonly CellDefinition[] Decisions2021 = [C("decisions", "本年处理决定数量")];

    public static TableDefinition ActiveDisclosure2021 { get; } = new(ActiveDisclosureKey, "主动公开政府信息情况",
    [
        new("rules", "规章", Documents2021, "第二十条第（一）项"),
        new("normativeDocuments", "行政规范性文件", Documents2021, "第二十条第（一）项"),
        new("licensing", "行政许可", Decisions2021, "第二十条第（五）项"),
        new("penalty", "行政处罚", Decisions2021, "第二十条第（六）项"),
        new("coercion", "行政强制", Decisions2021, "第二十条第（六）项"),
        new("fees", "行政事业性收费", [C("amountTenThousandYuan", "本年收费金额（单位：万元）", FigureKind.Amount) with { Unit = MoneyUnit.TenThousandYuan }], "第二十条第（八）项"),
    ]) { Number = "二" };

    private static readonly CellDefinition[] Documents2019 =
        [C("made", "本年新制作数量"), C("published", "本年新公开数量"), C("totalPublic", "对外公开总数量")];
    private static readonly CellDefinition[] Items2019 =
        [C("previousYearItems", "上一年项目数量"), C("change", "本年增/减"), C("decisions", "处理决定数量")];

    public static TableDefinition ActiveDisclosure2019 { get; } = new(ActiveDisclosureKey, "主动公开政府信息情况",
    [
        new("rules", "规章", Documents2019, "第二十条第（一）项"),
        new("normativeDocuments", "规范性文件", Documents2019, "第二十条第（一）项"),
        new("licensing", "行政许可", Items2019, "第二十条第（五）项"),
        new("otherServices", "其他对外管理服务事项", Items2019, "第二十条第（五）项"),
        new("penalty", "行政处罚", Items2019, "第二十条第（六）项"),
        new("coercion", "行政强制", Items2019, "第二十条第（六）项"),
        new("fees", "行政事业性收费", [C("previousYearItems", "上一年项目数量"), C("change", "本年增/减")], "第二十条第（八）项"),
        new("procurement", "政府集中采购",
            [C("projects", "采购项目数量"), C("amountTenThousandYuan", "采购总金额", FigureKind.Amount) with { Unit = MoneyUnit.TenThousandYuan }], "第二十条第（九）项"),
    ]) { Number = "二" };

    // ---- Table 3 -------------------------------------------------------------------------
    /// <summary>The seven applicant columns in printed order; the last is the total.</summary>
    public static IReadOnlyList<CellDefinition> ApplicantColumns { get; } =
    [
        C("naturalPerson", "自然人"),
        C("commercialEnterprise", "商业企业"),
        C("researchInstitution", "科研机构"),
        C("socialWelfareOrganization", "社会公益组织"),
        C("legalServiceInstitution", "法律服务机构"),
        C("other", "其他"),
        C("total", "总计"),
    ];

    private static RowDefinition A(string key, string label, string? group = null) => new(key, label, ApplicantColumns, group);

    private static readonly RowDefinition[] ResultRowsBeforeOther =
    [
        A("granted", "予以公开", "三、本年度办理结果"),
        A("partiallyGranted", "部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"),
        A("deniedStateSecret", "属于国家秘密", "不予公开"),
        A("deniedProhibitedByLaw", "其他法律行政法规禁止公开", "不予公开"),
        A("deniedSecurityStability", "危及“三安全一稳定”", "不予公开"),
        A("deniedThirdPartyRights", "保护第三方合法权益", "不予公开"),
        A("deniedInternalAffairs", "属于三类内部事务信息", "不予公开"),
        A("deniedProcessInformation", "属于四类过程性信息", "不予公开"),
        A("deniedEnforcementCaseFile", "属于行政执法案卷", "不予公开"),
        A("deniedAdministrativeQuery", "属于行政查询事项", "不予公开"),
        A("unavailableNotHeld", "本机关不掌握相关政府信息", "无法提供"),
        A("unavailableNeedsCreation", "没有现成信息需要另行制作", "无法提供"),
        A("unavailableStillUnclear", "补正后申请内容仍不明确", "无法提供"),
        A("rejectedComplaint", "信访举报投诉类申请", "不予处理"),
        A("rejectedDuplicate", "重复申请", "不予处理"),
        A("rejectedPublication", "要求提供公开出版物", "不予处理"),
        A("rejectedExcessive", "无正当理由大量反复申请", "不予处理"),
        A("rejectedConfirmation", "要求行政机关确认或重新出具已获取信息", "不予处理"),
    ];

    private static readonly RowDefinition[] OtherRows2021 =
    [
        A("otherNoCorrection", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "其他处理"),
        A("otherNoFee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他处理"),
        A("otherOther", "其他", "其他处理"),
    ];

    private static readonly RowDefinition OtherHandling2019 = A("otherHandling", "其他处理", "三、本年度办理结果");

    private static readonly RowDefinition NewReceived = A("newReceived", "本年新收政府信息公开申请数量");
    private static readonly RowDefinition CarriedOver = A("carriedOver", "上年结转政府信息公开申请数量");
    private static readonly RowDefinition TotalHandled = A("totalHandled", "总计", "三、本年度办理结果");
    private static readonly RowDefinition CarriedForward = A("carriedForward", "结转下年度继续办理");

    public static TableDefinition Applications2021 { get; } = new(ApplicationsKey, "收到和处理政府信息公开申请情况",
        [NewReceived, CarriedOver, .. ResultRowsBeforeOther, .. OtherRows2021, TotalHandled, CarriedForward]) { Number = "三" };

    public static TableDefinition Applications2019 { get; } = new(ApplicationsKey, "收到和处理政府信息公开申请情况",
        [NewReceived, CarriedOver, .. ResultRowsBeforeOther, OtherHandling2019, TotalHandled, CarriedForward]) { Number = "三" };

    /// <summary>
    /// A 2021 report that still prints the 2019 single row （六）其他处理: the three 2021 rows stay (null)
    /// and otherHandling is added before totalHandled, standing for them in T3_RESULT_TOTAL.
    /// </summary>
    public static RowSubstitution OtherHandlingSubstitution { get; } = new(ApplicationsKey, OtherHandling2019, [.. OtherRows2021.Select(r => r.Key)],
        "表三按 2021 年模板印制，却仍用 2019 年模板的单行“（六）其他处理”：该行记入 otherHandling，三个 2021 年子行记为缺失");

    public static TableDefinition ApplicationsMixed { get; } = Applications2021.With(OtherHandlingSubstitution);

    /// <summary>The result rows that add up to totalHandled, for the given table layout.</summary>
    public static IReadOnlyList<string> ResultRowKeys(TableDefinition applications) =>
        applications.Rows.Any(r => r.Key == OtherHandling2019.Key)
            ? [.. ResultRowsBeforeOther.Select(r => r.Key), OtherHandling2019.Key]
            : [.. ResultRowsBeforeOther.Select(r => r.Key), .. OtherRows2021.Select(r => r.Key)];

    // ---- Table 4 -------------------------------------------------------------------------
    public static IReadOnlyList<CellDefinition> ReviewCells { get; } =
        [C("upheld", "结果维持"), C("corrected", "结果纠正"), C("other", "其他结果"), C("pending", "尚未审结"), C("total", "总计")];

    public static TableDefinition ReviewAndLitigation { get; } = new(ReviewAndLitigationKey, "政府信息公开行政复议、行政诉讼情况",
    [
        new("review", "行政复议", ReviewCells),
        new("litigationDirect", "未经复议直接起诉", ReviewCells, "行政诉讼"),
        new("litigationAfterReview", "复议后起诉", ReviewCells, "行政诉讼"),
    ]) { Number = "四" };

    /// <summary>Every table layout a report of this template can have (the mixed layout counts as 2021).</summary>
    public static IEnumerable<TableDefinition> AllTables =>
        [ActiveDisclosure2021, ActiveDisclosure2019, Applications2021, Applications2019, ApplicationsMixed, ReviewAndLitigation];

    public static TableDefinition ActiveDisclosureFor(ReportTemplate template) =>
        template == ReportTemplate.Template2019 ? ActiveDisclosure2019 : ActiveDisclosure2021;

    public static TableDefinition ApplicationsFor(ReportTemplate template, bool mixed = false) =>
        template == ReportTemplate.Template2019 ? Applications2019 : mixed ? ApplicationsMixed : Applications2021;
}
