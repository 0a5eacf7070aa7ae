using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The template, from the printed structure only: table 2's column headers (<see cref="ActiveDisclosureTableReader.DetectTemplate"/>);
/// when table 2 names none, the template whose table 3 has every row read (ties to the first registered). Then the
/// template's substitutions that the printed table 3 shows: the substituting row read and none of the rows it
/// replaces (a 2021 table 2 with the 2019 single row （六）其他处理 is the mixed case). A （六）其他处理 printed beside
/// the three sub-rows is only their group label: the 2021 layout has no otherHandling row, so it is not filled.
/// </summary>
internal sealed record TemplateDecision(TemplateDeclaration Declaration, IReadOnlyList<RowSubstitution> Applied)
{
    public ReportTemplate Template => Declaration.Template;

    public bool Mixed => Applied.Count > 0;

    /// <summary>The layout of the table under <paramref name="key"/> with the applied substitutions.</summary>
    public TableDefinition Layout(string key) => Declaration.Layout(key, Applied);

    public static TemplateDecision Decide(TemplateDeclaration? detected, TableReading applications)
    {
        var declaration = detected
            ?? ReportTemplates.All.MinBy(d => applications.Rows.Keys.Count(k => d.Applications.Row(k) is null))!;
        RowSubstitution[] applied =
        [
            .. declaration.Substitutions.Where(s => s.Table == ReportSchema.ApplicationsKey
                && applications.Has(s.Row.Key) && !s.Replaces.Any(applications.Has)),
        ];
        return new(declaration, applied);
    }
}
