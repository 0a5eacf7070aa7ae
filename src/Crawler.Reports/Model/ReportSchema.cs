namespace Crawler.Reports.Model;

/// <summary>
/// The parts of shared/spec/report-model.md that every template shares: the table keys, table 3's applicant
/// columns and the rows every table-3 layout prints, and table 4. What differs between templates (table 2, table 3's
/// （六）其他处理 rows, how the template is recognised) is declared once per template under
/// <c>Crawler.Reports.Templates</c> (Template2021.cs, Template2019.cs) and found through <c>ReportTemplates</c>.
/// </summary>
public static class ReportSchema
{
    public const string ActiveDisclosureKey = "activeDisclosure";
    public const string ApplicationsKey = "applications";
    public const string ReviewAndLitigationKey = "reviewAndLitigation";

    public const string ActiveDisclosureTitle = "主动公开政府信息情况";
    public const string ApplicationsTitle = "收到和处理政府信息公开申请情况";
    public const string ReviewAndLitigationTitle = "政府信息公开行政复议、行政诉讼情况";

    /// <summary>The group label of table 3's result rows.</summary>
    public const string ResultGroup = "三、本年度办理结果";

    /// <summary>The three table keys in printed order.</summary>
    public static IReadOnlyList<string> TableKeys { get; } = [ActiveDisclosureKey, ApplicationsKey, ReviewAndLitigationKey];

    private static CellDefinition C(string key, string label, params string[] synonyms) => new(key, label) { Synonyms = synonyms };

    // ---- Table 3 -------------------------------------------------------------------------
    /// <summary>The seven applicant columns in printed order; the last is the total.</summary>
    public static IReadOnlyList<CellDefinition> ApplicantColumns { get; } =
    [
        C("naturalPerson", "自然人"),
        C("commercialEnterprise", "商业企业"),
        C("researchInstitution", "科研机构"),
        C("socialWelfareOrganization", "社会公益组织", "社会组织"),
        C("legalServiceInstitution", "法律服务机构"),
        C("other", "其他"),
        C("total", "总计", "合计"),
    ];

    /// <summary>A table-3 row: seven applicant columns, its printed ordinal, its group; result rows add up to （七）总计.</summary>
    public static RowDefinition ApplicationRow(string key, string label, string ordinal, string? group = null, bool result = false, params string[] synonyms) =>
        new(key, label, ApplicantColumns, group) { Ordinal = ordinal, IsResult = result, Synonyms = synonyms };

    private static RowDefinition R(string key, string label, string ordinal, string group) => ApplicationRow(key, label, ordinal, group, result: true);

    /// <summary>The result rows （一） to （五） every table-3 layout prints, before its （六）其他处理 rows.</summary>
    public static IReadOnlyList<RowDefinition> CommonResultRows { get; } =
    [
        R("granted", "予以公开", "（一）", ResultGroup),
        R("partiallyGranted", "部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）", ResultGroup),
        R("deniedStateSecret", "属于国家秘密", "1", "不予公开"),
        R("deniedProhibitedByLaw", "其他法律行政法规禁止公开", "2", "不予公开"),
        R("deniedSecurityStability", "危及“三安全一稳定”", "3", "不予公开"),
        R("deniedThirdPartyRights", "保护第三方合法权益", "4", "不予公开"),
        R("deniedInternalAffairs", "属于三类内部事务信息", "5", "不予公开"),
        R("deniedProcessInformation", "属于四类过程性信息", "6", "不予公开"),
        R("deniedEnforcementCaseFile", "属于行政执法案卷", "7", "不予公开"),
        R("deniedAdministrativeQuery", "属于行政查询事项", "8", "不予公开"),
        R("unavailableNotHeld", "本机关不掌握相关政府信息", "1", "无法提供"),
        R("unavailableNeedsCreation", "没有现成信息需要另行制作", "2", "无法提供"),
        R("unavailableStillUnclear", "补正后申请内容仍不明确", "3", "无法提供"),
        R("rejectedComplaint", "信访举报投诉类申请", "1", "不予处理"),
        R("rejectedDuplicate", "重复申请", "2", "不予处理"),
        R("rejectedPublication", "要求提供公开出版物", "3", "不予处理"),
        R("rejectedExcessive", "无正当理由大量反复申请", "4", "不予处理"),
        R("rejectedConfirmation", "要求行政机关确认或重新出具已获取信息", "5", "不予处理"),
    ];

    private static readonly RowDefinition NewReceived = ApplicationRow("newReceived", "本年新收政府信息公开申请数量", "一");
    private static readonly RowDefinition CarriedOver = ApplicationRow("carriedOver", "上年结转政府信息公开申请数量", "二");
    private static readonly RowDefinition TotalHandled = ApplicationRow("totalHandled", "总计", "（七）", ResultGroup, synonyms: "合计");
    private static readonly RowDefinition CarriedForward = ApplicationRow("carriedForward", "结转下年度继续办理", "四");

    /// <summary>Table 3 with a template's own （六）其他处理 rows between （五）不予处理 and （七）总计.</summary>
    public static TableDefinition Applications(IReadOnlyList<RowDefinition> otherHandlingRows) => new(ApplicationsKey, ApplicationsTitle,
        [NewReceived, CarriedOver, .. CommonResultRows, .. otherHandlingRows, TotalHandled, CarriedForward]) { Number = "三" };

    /// <summary>The result rows that add up to totalHandled, for the given table layout (a substitution's row stands for the rows it replaced).</summary>
    public static IReadOnlyList<string> ResultRowKeys(TableDefinition applications) =>
        [.. applications.Rows.Where(r => r.IsResult && !applications.IsReplaced(r.Key)).Select(r => r.Key)];

    // ---- Table 4 -------------------------------------------------------------------------
    public static IReadOnlyList<CellDefinition> ReviewCells { get; } =
        [C("upheld", "结果维持"), C("corrected", "结果纠正"), C("other", "其他结果"), C("pending", "尚未审结"), C("total", "总计", "合计")];

    public static TableDefinition ReviewAndLitigation { get; } = new(ReviewAndLitigationKey, ReviewAndLitigationTitle,
    [
        new("review", "行政复议", ReviewCells),
        new("litigationDirect", "未经复议直接起诉", ReviewCells, "行政诉讼"),
        new("litigationAfterReview", "复议后起诉", ReviewCells, "行政诉讼"),
    ]) { Number = "四" };
}
