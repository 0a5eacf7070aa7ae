using Crawler.Reports.Model;

namespace Crawler.Reports.Templates;

/// <summary>
/// The registry of template declarations: <see cref="Template2021"/> and <see cref="Template2019"/>, in that order
/// (the order breaks detection ties), plus any added with <see cref="Register"/>. Everything that depends on a
/// template asks here; derived data (label catalogs, export columns) is rebuilt when <see cref="All"/> changes.
/// </summary>
public static class ReportTemplates
{
    private static volatile TemplateDeclaration[] _all = [Template2021.Declaration, Template2019.Declaration];
    private static readonly object Gate = new();

    /// <summary>Every declared template in registration order. A new list (a new reference) after each registration.</summary>
    public static IReadOnlyList<TemplateDeclaration> All => Snapshot;

    /// <summary>The current list itself, for caches keyed on it.</summary>
    internal static IReadOnlyList<TemplateDeclaration> Snapshot => _all;

    /// <summary>The template whose layout a free-text report's (empty) tables take: the first registered (2021).</summary>
    public static TemplateDeclaration Default => _all[0];

    /// <summary>The template reports are expected to follow now: the one with the latest first year (2021).</summary>
    public static TemplateDeclaration Standard => _all.MaxBy(d => d.FirstYear)!;

    /// <summary>The first report year any template is used for (2019): from then on, a report is expected to print the tables.</summary>
    public static int FirstYear => _all.Min(d => d.FirstYear);

    /// <summary>The declared template of that name, or null ("free" and unknown names).</summary>
    public static TemplateDeclaration? Find(string? name) => _all.FirstOrDefault(d => d.Name == name);

    /// <summary>The declaration of <paramref name="template"/>; a free-text report (or an unknown name) has <see cref="Default"/>'s layout.</summary>
    public static TemplateDeclaration For(ReportTemplate template) => Find(template.Name) ?? Default;

    /// <summary>Every table layout of every template, by table (activeDisclosure, applications, reviewAndLitigation):
    /// first each template's own, then those with substitutions applied; each once.</summary>
    public static IEnumerable<TableDefinition> AllTables
    {
        get
        {
            var all = _all;
            return ReportSchema.TableKeys.SelectMany(key =>
                all.Select(d => d.Table(key)).Concat(all.SelectMany(d => d.SubstitutedLayouts).Where(t => t.Key == key))).Distinct();
        }
    }

    /// <summary>Every figure key of every template, once, in printed order: the first template's, then the keys only later ones have.</summary>
    public static IReadOnlyList<string> FigureKeys()
    {
        var all = _all;
        var keys = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in all.SelectMany(d => d.Tables).Concat(all.SelectMany(d => d.SubstitutedLayouts)))
        {
            foreach (var row in table.Rows)
                foreach (var cell in row.Cells)
                {
                    var key = $"{table.Key}.{row.Key}.{cell.Key}";
                    if (known.Add(key)) keys.Add(key);
                }
        }
        return keys;
    }

    /// <summary>
    /// Adds a template (after the built-in ones, so it wins detection only by more matching headers). Disposing
    /// the result removes it again. Throws when the declaration is unsound or its name is taken.
    /// </summary>
    public static IDisposable Register(TemplateDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Problems() is { Count: > 0 } problems)
            throw new ArgumentException($"模板 {declaration.Name} 的声明有误：{string.Join("；", problems)}", nameof(declaration));
        lock (Gate)
        {
            if (Find(declaration.Name) is not null) throw new ArgumentException($"模板 {declaration.Name} 已声明", nameof(declaration));
            _all = [.. _all, declaration];
        }
        return new Registration(declaration);
    }

    private sealed class Registration(TemplateDeclaration declaration) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate) _all = [.. _all.Where(d => !ReferenceEquals(d, declaration))];
        }
    }
}
