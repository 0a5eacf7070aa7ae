using Crawler.Reports.Templates;

namespace Crawler.Reports.Model;

/// <summary>
/// One annual report on government information disclosure (政府信息公开工作年度报告), as parsed:
/// metadata, the prose of sections 一/五/六, and tables 2, 3 and 4.
/// </summary>
public sealed record AnnualReport
{
    public string? Agency { get; init; }

    /// <summary>The year reported on (not the year of publication).</summary>
    public int? Year { get; init; }

    public ReportTemplate Template { get; init; } = ReportTemplate.Free;

    public string? Title { get; init; }

    public StatisticalPeriod? StatisticalPeriod { get; init; }

    public ReportSections Sections { get; init; } = ReportSections.None;

    public required FigureTable ActiveDisclosure { get; init; }

    public required FigureTable Applications { get; init; }

    public required FigureTable ReviewAndLitigation { get; init; }

    /// <summary>All figures of tables 2, 3 and 4 under their flat keys, in printed order.</summary>
    public IEnumerable<Figure> Figures() =>
        ActiveDisclosure.Figures().Concat(Applications.Figures()).Concat(ReviewAndLitigation.Figures());

    /// <summary>A report with the given template's layout and every cell empty; <paramref name="mixed"/> applies the
    /// template's substitutions (a 2021 report printing the 2019 single row （六）其他处理).</summary>
    public static AnnualReport Blank(ReportTemplate template, bool mixed = false) =>
        Blank(template, mixed ? ReportTemplates.For(template).Substitutions : []);

    /// <summary>A report with the given template's layout, the given substitutions applied, and every cell empty.</summary>
    public static AnnualReport Blank(ReportTemplate template, IReadOnlyCollection<RowSubstitution> substitutions)
    {
        var declaration = ReportTemplates.For(template);
        return new()
        {
            Template = template,
            ActiveDisclosure = FigureTable.Empty(declaration.Layout(ReportSchema.ActiveDisclosureKey, substitutions)),
            Applications = FigureTable.Empty(declaration.Layout(ReportSchema.ApplicationsKey, substitutions)),
            ReviewAndLitigation = FigureTable.Empty(declaration.Layout(ReportSchema.ReviewAndLitigationKey, substitutions)),
        };
    }

    /// <summary>The three tables in printed order.</summary>
    public IReadOnlyList<FigureTable> Tables => [ActiveDisclosure, Applications, ReviewAndLitigation];
}
