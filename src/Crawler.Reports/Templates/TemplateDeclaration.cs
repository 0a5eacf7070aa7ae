using Crawler.Reports.Model;

namespace Crawler.Reports.Templates;

/// <summary>
/// One report template, all in one place: its name, the notice that fixed it, the first report year it is used
/// for, its three tables (keys, printed labels, ordinals, synonyms, units, printed order), the table-2 column
/// headers that recognise it, and the rows of older templates its reports may still print (substitutions,
/// TEMPLATE_MIXED). The parser, the rules, the JSON, the CSV/xlsx exports and the index mapping read only this,
/// through <see cref="ReportTemplates"/>; a new template is one new declaration.
/// </summary>
public sealed record TemplateDeclaration
{
    /// <summary>The template's name in JSON, in the store and in the index ("2021").</summary>
    public required ReportTemplate Template { get; init; }

    public string Name => Template.Name;

    /// <summary>The notice that fixed the layout (国办公开办函〔2021〕30号).</summary>
    public required string Notice { get; init; }

    /// <summary>The first report year (the year reported on) the template is used for.</summary>
    public required int FirstYear { get; init; }

    public required TableDefinition ActiveDisclosure { get; init; }

    public required TableDefinition Applications { get; init; }

    public required TableDefinition ReviewAndLitigation { get; init; }

    /// <summary>
    /// Table 2 column headers that only this template prints: each printed cell containing one counts for the
    /// template. The template with the most wins; a tie goes to the template registered first.
    /// </summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Table 2 headers that count only when a cell is exactly this text (2019's 处理决定数量, part of 2021's 本年处理决定数量).</summary>
    public IReadOnlyList<string> ExactHeaders { get; init; } = [];

    /// <summary>Rows of an older template that reports of this one may print instead of some of its own (TEMPLATE_MIXED).</summary>
    public IReadOnlyList<RowSubstitution> Substitutions { get; init; } = [];

    /// <summary>The template's own three tables, in printed order.</summary>
    public IReadOnlyList<TableDefinition> Tables => [ActiveDisclosure, Applications, ReviewAndLitigation];

    /// <summary>The template's own table under its key (activeDisclosure, applications, reviewAndLitigation).</summary>
    public TableDefinition Table(string key) => Tables.FirstOrDefault(t => t.Key == key)
        ?? throw new ArgumentException($"模板 {Name} 没有表 {key}", nameof(key));

    /// <summary>The table's layout with the given substitutions applied (those of other tables are ignored).</summary>
    public TableDefinition Layout(string key, IEnumerable<RowSubstitution> applied) =>
        applied.Where(s => s.Table == key).Aggregate(Table(key), (table, substitution) => table.With(substitution));

    /// <summary>Every layout a report of this template can have: its own tables, then each with its substitutions.</summary>
    public IEnumerable<TableDefinition> Layouts => Tables.Concat(SubstitutedLayouts);

    /// <summary>Each table that has substitutions, with all of them applied (the mixed layout).</summary>
    public IEnumerable<TableDefinition> SubstitutedLayouts =>
        Tables.Where(t => Substitutions.Any(s => s.Table == t.Key)).Select(t => Layout(t.Key, Substitutions));

    /// <summary>Every figure key of the template's own layout, in printed order (activeDisclosure.rules.issued …).</summary>
    public IEnumerable<string> FigureKeys =>
        from table in Tables from row in table.Rows from cell in row.Cells select $"{table.Key}.{row.Key}.{cell.Key}";

    /// <summary>What is wrong with the declaration (empty when it is sound): wrong table keys, duplicate keys, units.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Template.IsFree) problems.Add("模板名不能为 free");
        for (var i = 0; i < ReportSchema.TableKeys.Count; i++)
        {
            if (Tables[i].Key != ReportSchema.TableKeys[i]) problems.Add($"第 {i + 1} 张表的键为 {Tables[i].Key}，应为 {ReportSchema.TableKeys[i]}");
        }
        if (Headers.Count + ExactHeaders.Count == 0) problems.Add("未声明识别模板的表二表头");
        foreach (var table in Tables.Concat(Layouts).Distinct())
        {
            foreach (var row in table.Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1)) problems.Add($"{table.Key} 行键 {row.Key} 重复");
            foreach (var row in table.Rows)
            {
                if (row.Cells.Count == 0) problems.Add($"{table.Key}.{row.Key} 没有单元格");
                foreach (var cell in row.Cells.GroupBy(c => c.Key).Where(g => g.Count() > 1)) problems.Add($"{table.Key}.{row.Key} 列键 {cell.Key} 重复");
                foreach (var cell in row.Cells)
                {
                    if (cell.Kind == FigureKind.Amount && cell.Unit is null) problems.Add($"{table.Key}.{row.Key}.{cell.Key} 是金额却未声明单位");
                    if (cell.Kind != FigureKind.Amount && cell.Unit is not null) problems.Add($"{table.Key}.{row.Key}.{cell.Key} 是件数却声明了单位");
                }
            }
        }
        foreach (var substitution in Substitutions)
        {
            var table = Tables.FirstOrDefault(t => t.Key == substitution.Table);
            if (table is null) { problems.Add($"替换行 {substitution.Where} 所在的表不存在"); continue; }
            if (table.Row(substitution.Row.Key) is not null) problems.Add($"替换行 {substitution.Where} 已是本模板的行");
            foreach (var replaced in substitution.Replaces.Where(r => table.Row(r) is null)) problems.Add($"替换行 {substitution.Where} 所替换的 {replaced} 不是本模板的行");
        }
        return problems;
    }
}
