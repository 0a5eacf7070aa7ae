using System.Text.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Templates;

/// <summary>
/// The declarations against shared/spec/report-model.md: each template declares exactly the keys the spec names
/// for it, in printed order, with no key twice, amounts in 万元 and counts without a unit.
/// </summary>
public class TemplateDeclarationTests
{
    private static IEnumerable<string> Keys(string table, string[] rows, string[] cells) =>
        from row in rows from cell in cells select $"{table}.{row}.{cell}";

    private static readonly string[] ApplicantColumns =
        ["naturalPerson", "commercialEnterprise", "researchInstitution", "socialWelfareOrganization", "legalServiceInstitution", "other", "total"];

    private static readonly string[] ResultRowsBeforeOther =
    [
        "granted", "partiallyGranted",
        "deniedStateSecret", "deniedProhibitedByLaw", "deniedSecurityStability", "deniedThirdPartyRights",
        "deniedInternalAffairs", "deniedProcessInformation", "deniedEnforcementCaseFile", "deniedAdministrativeQuery",
        "unavailableNotHeld", "unavailableNeedsCreation", "unavailableStillUnclear",
        "rejectedComplaint", "rejectedDuplicate", "rejectedPublication", "rejectedExcessive", "rejectedConfirmation",
    ];

    private static IEnumerable<string> Table3(params string[] otherRows) =>
        Keys("applications", ["newReceived", "carriedOver", .. ResultRowsBeforeOther, .. otherRows, "totalHandled", "carriedForward"], ApplicantColumns);

    private static IEnumerable<string> Table4 =>
        Keys("reviewAndLitigation", ["review", "litigationDirect", "litigationAfterReview"], ["upheld", "corrected", "other", "pending", "total"]);

    /// <summary>The spec's 2021 keys, transcribed from report-model.md in printed order.</summary>
    private static readonly string[] Spec2021 =
    [
        .. Keys("activeDisclosure", ["rules", "normativeDocuments"], ["issued", "repealed", "inForce"]),
        "activeDisclosure.licensing.decisions", "activeDisclosure.penalty.decisions", "activeDisclosure.coercion.decisions",
        "activeDisclosure.fees.amountTenThousandYuan",
        .. Table3("otherNoCorrection", "otherNoFee", "otherOther"),
        .. Table4,
    ];

    /// <summary>The spec's "2019 template differences", in printed order.</summary>
    private static readonly string[] Spec2019 =
    [
        .. Keys("activeDisclosure", ["rules", "normativeDocuments"], ["made", "published", "totalPublic"]),
        .. Keys("activeDisclosure", ["licensing", "otherServices", "penalty", "coercion"], ["previousYearItems", "change", "decisions"]),
        "activeDisclosure.fees.previousYearItems", "activeDisclosure.fees.change",
        "activeDisclosure.procurement.projects", "activeDisclosure.procurement.amountTenThousandYuan",
        .. Table3("otherHandling"),
        .. Table4,
    ];

    [Fact]
    public void The_2021_declaration_has_exactly_the_spec_keys_in_printed_order()
    {
        Assert.Equal(Spec2021, Template2021.Declaration.FigureKeys);
        Assert.Equal(10 + 25 * 7 + 15, Spec2021.Length);
    }

    [Fact]
    public void The_2019_declaration_has_exactly_the_spec_keys_in_printed_order()
    {
        Assert.Equal(Spec2019, Template2019.Declaration.FigureKeys);
        Assert.Equal(22 + 23 * 7 + 15, Spec2019.Length);
    }

    [Fact]
    public void The_mixed_2021_layout_holds_otherHandling_after_the_three_rows_it_replaces()
    {
        var mixed = Template2021.Declaration.Layout(ReportSchema.ApplicationsKey, Template2021.Declaration.Substitutions);
        Assert.Equal(["otherNoCorrection", "otherNoFee", "otherOther", "otherHandling", "totalHandled"], mixed.Rows.Skip(20).Take(5).Select(r => r.Key));
        Assert.All(["otherNoCorrection", "otherNoFee", "otherOther"], key => Assert.True(mixed.IsReplaced(key)));
        Assert.Equal([.. ResultRowsBeforeOther, "otherHandling"], ReportSchema.ResultRowKeys(mixed));
        Assert.Equal([.. ResultRowsBeforeOther, "otherNoCorrection", "otherNoFee", "otherOther"], ReportSchema.ResultRowKeys(Template2021.Declaration.Applications));
        Assert.Equal([.. ResultRowsBeforeOther, "otherHandling"], ReportSchema.ResultRowKeys(Template2019.Declaration.Applications));
    }

    [Fact]
    public void Every_gold_file_has_the_keys_of_the_template_it_names()
    {
        var files = Directory.GetFiles(RepositoryPaths.Gold, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(file));
            var declaration = ReportTemplates.Find(gold.RootElement.GetProperty("template").GetString());
            Assert.NotNull(declaration);
            var keys = ReportSchema.TableKeys.SelectMany(table =>
                from row in gold.RootElement.GetProperty(table).EnumerateObject()
                from cell in row.Value.EnumerateObject()
                select $"{table}.{row.Name}.{cell.Name}");
            Assert.Equal(declaration.FigureKeys, keys);
        }
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void A_declaration_is_sound_no_key_twice_amounts_in_ten_thousand_yuan(string name)
    {
        var declaration = ReportTemplates.Find(name)!;
        Assert.Empty(declaration.Problems());
        Assert.Equal(declaration.FigureKeys.Count(), declaration.FigureKeys.Distinct().Count());
        var cells = declaration.Layouts.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c => (Key: $"{t.Key}.{r.Key}.{c.Key}", Cell: c)))).ToList();
        var amounts = cells.Where(c => c.Cell.Kind == FigureKind.Amount).Select(c => c.Key).Distinct().ToList();
        Assert.Equal(name == "2021" ? ["activeDisclosure.fees.amountTenThousandYuan"] : ["activeDisclosure.procurement.amountTenThousandYuan"], amounts);
        Assert.All(cells.Where(c => c.Cell.Kind == FigureKind.Amount), c => Assert.Same(MoneyUnit.TenThousandYuan, c.Cell.Unit));
        Assert.All(cells.Where(c => c.Cell.Kind == FigureKind.Count), c => Assert.Null(c.Cell.Unit));
        Assert.Equal(["表二", "表三", "表四"], declaration.Tables.Select(t => t.Name));
    }

    [Fact]
    public void The_detecting_headers_of_one_template_are_not_part_of_the_other_s()
    {
        var a = Template2021.Declaration;
        var b = Template2019.Declaration;
        Assert.DoesNotContain(a.Headers, h => b.Headers.Any(o => o.Contains(h, StringComparison.Ordinal) || h.Contains(o, StringComparison.Ordinal)));
        // 2019's 处理决定数量 is inside 2021's 本年处理决定数量, so it only counts as a whole cell.
        Assert.Equal(["处理决定数量"], b.ExactHeaders);
        Assert.Contains(a.Headers, h => h.Contains(b.ExactHeaders[0], StringComparison.Ordinal));
    }

    [Fact]
    public void The_registry_names_the_spec_templates_and_gives_free_reports_the_default_layout()
    {
        Assert.Equal(["2021", "2019"], ReportTemplates.All.Take(2).Select(d => d.Name));
        Assert.Same(Template2021.Declaration, ReportTemplates.For(Template2021.Id));
        Assert.Same(Template2019.Declaration, ReportTemplates.For(new ReportTemplate("2019")));
        Assert.Same(Template2021.Declaration, ReportTemplates.For(ReportTemplate.Free));
        Assert.Null(ReportTemplates.Find("free"));
        Assert.Equal(ReportTemplate.Free, default);
        Assert.Equal(ReportTemplate.Free, new ReportTemplate("free"));
        Assert.Equal(ReportTemplate.Free, ReportTemplateNames.FromName("free"));
        Assert.Equal(Template2019.Id, ReportTemplateNames.FromName("2019"));
        Assert.Null(ReportTemplateNames.FromName("2018"));
        Assert.Equal(2019, ReportTemplates.FirstYear);
        Assert.Same(Template2021.Declaration, ReportTemplates.Standard);
    }

    [Fact]
    public void Registering_an_unsound_or_taken_template_is_refused_with_what_is_wrong()
    {
        var taken = Assert.Throws<ArgumentException>(() => ReportTemplates.Register(Template2019.Declaration));
        Assert.Contains("模板 2019 已声明", taken.Message);

        var active = Template2021.Declaration.ActiveDisclosure;
        var twice = Template2021.Declaration with
        {
            Template = new ReportTemplate("broken"),
            ActiveDisclosure = active with { Rows = [.. active.Rows, active.Rows[0]] },
        };
        var unsound = Assert.Throws<ArgumentException>(() => ReportTemplates.Register(twice));
        Assert.Contains("activeDisclosure 行键 rules 重复", unsound.Message);
        Assert.Null(ReportTemplates.Find("broken"));
    }
}
