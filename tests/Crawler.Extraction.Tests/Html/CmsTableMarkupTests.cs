using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crawler.Extraction.Html;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>
/// Table 3 of every seed's HTML page, marked up the ways CMS editors and Word's "save as web page" print the
/// row-spanning group cell 三、本年度办理结果: one character per paragraph (a vertical label), a &lt;th&gt;,
/// a spacer row of empty cells at the table's end, a quoted span with spaces, and blanks in the first result
/// row under the spanning cell. Every cell must still land in its column — the first result row is the one a
/// spanning cell used to push one column to the right.
/// </summary>
public sealed partial class CmsTableMarkupTests
{
    private const string GroupCell = "<td rowspan=\"22\"><p>三、本年度办理结果</p></td>";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in GoldFigures.Seeds)
            foreach (var variant in new[] { "vertical-label", "header-cell", "spacer-row", "spaced-span", "first-row-blanks" })
                data.Add(seed, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryCellLandsInItsColumn(string seed, string variant)
    {
        var page = File.ReadAllText(Path.Combine(GoldFigures.FormatsFolder(seed), "report.utf8.html"));
        Assert.Contains(GroupCell, page);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, seed + ".json")))!.AsObject();
        expected["expectedFindings"] = JsonNode.Parse(File.ReadAllText(Path.Combine(GoldFigures.FormatsFolder(seed), "manifest.json")))!["expectedFindings"]!.DeepClone();

        page = variant switch
        {
            "vertical-label" => page.Replace(GroupCell, "<td rowspan=\"22\" width=\"28\">" + string.Concat("三、本年度办理结果".Select(c => $"<p align=\"center\"><span>{c}</span></p>")) + "</td>"),
            "header-cell" => page.Replace(GroupCell, "<th rowspan=\"22\"><p>三、本年度办理结果</p></th>"),
            "spacer-row" => page.Replace("</table>", "<tr height=\"0\">" + string.Concat(Enumerable.Repeat("<td width=\"40\" style=\"border:none\"></td>", 10)) + "</tr></table>"),
            "spaced-span" => page.Replace(GroupCell, "<td rowspan=' 22 '><p>三、本年度办理结果</p></td>"),
            "first-row-blanks" => BlankSecondAndThirdFigures(page, expected),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        var extracted = await new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)
            .ExtractAsync(new SourceDocument(Encoding.UTF8.GetBytes(page), "http://www.gov.example.cn/2024/0125/report.html"), DocumentFormat.Html, CancellationToken.None);
        Assert.True(extracted.Succeeded, extracted.Error);
        var differences = ExpectedReport.Differences(expected, new ReportParser().Parse(extracted.Document!));
        Assert.True(differences.Count == 0, $"{seed}/{variant}:\n" + string.Join("\n", differences));
    }

    /// <summary>
    /// Empties the 商业企业 and 科研机构 cells of （一）予以公开, the row that starts beside the spanning cell: they
    /// become null in the gold and one BLANK_CELLS finding for the table (merged with one the seed already has).
    /// </summary>
    private static string BlankSecondAndThirdFigures(string page, JsonObject expected)
    {
        var row = FirstResultRow().Match(page);
        Assert.True(row.Success, "no （一）予以公开 row beside the spanning cell");
        var figures = Figure().Matches(row.Value);
        // Seed 003 already prints this row all blank (its gold holds nulls, its manifest BLANK_CELLS).
        if (figures.Count == 0 && Regex.Matches(row.Value, "<td>&nbsp;</td>").Count >= 6) return page;
        Assert.InRange(figures.Count, 6, 7); // seed 003 prints no 其他 column
        var blanked = new StringBuilder(row.Value);
        foreach (var figure in figures.Skip(1).Take(2).OrderByDescending(f => f.Index))
            blanked.Remove(figure.Index, figure.Length).Insert(figure.Index, "<td>&nbsp;</td>");

        var granted = expected["applications"]!["granted"]!.AsObject();
        granted["commercialEnterprise"] = null;
        granted["researchInstitution"] = null;
        var findings = expected["expectedFindings"]!.AsArray();
        if (!findings.Any(f => (string?)f!["code"] == "BLANK_CELLS" && (string?)f["where"] == "applications"))
            findings.Add(new JsonObject { ["code"] = "BLANK_CELLS", ["where"] = "applications" });
        return page.Remove(row.Index, row.Length).Insert(row.Index, blanked.ToString());
    }

    [GeneratedRegex(@"<tr><td rowspan=""22""><p>三、本年度办理结果</p></td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex FirstResultRow();

    [GeneratedRegex(@"<td><p>[0-9.,]+</p></td>")]
    private static partial Regex Figure();
}
