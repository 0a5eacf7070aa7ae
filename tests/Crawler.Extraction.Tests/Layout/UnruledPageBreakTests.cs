using Crawler.Extraction.Layout;
using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Layout;

/// <summary>
/// A table without rulings that crosses a page (the word-position reader): the header rows repeated at the top of
/// the next page are not rows of the table, and a group label cut by the break is one label, not a new level.
/// Word boxes are placed as a text layer would give them (points from the top-left corner, 12 pt letters).
/// </summary>
public sealed class UnruledPageBreakTests
{
    private static LayoutWord W(int page, double left, double top, string text) => new(page, left, top, text.Length * 10, 12, text);

    private static IEnumerable<LayoutWord> Header(int page, double top) =>
        [W(page, 100, top, "项目"), W(page, 290, top, "自然人"), W(page, 355, top, "法人"), W(page, 415, top, "总计")];

    private static IEnumerable<LayoutWord> Row(int page, double left, double top, string label, params string[] figures) =>
        [W(page, left, top, label), .. figures.Select((f, i) => W(page, 300 + 60 * i, top, f))];

    private static Table Rebuild(params IEnumerable<LayoutWord>[] pages)
    {
        var document = TableRebuilder.Rebuild(pages.Select((words, i) => new LayoutPage(i + 1, 600, 800, words.ToList())).ToList(), LayoutSettings.TextLayer).Document;
        return Assert.Single(document.Blocks.OfType<Table>());
    }

    private static List<string> Texts(TableRow row) => row.Cells.Select(c => c.Text).Where(t => t.Length > 0).ToList();

    public static TheoryData<string, string[]> SecondPageHeaders => new()
    {
        { "the whole header again", ["项目", "自然人", "法人", "总计"] },
        { "the header without its first cell (gone with the running header)", ["自然人", "法人", "总计"] },
    };

    [Theory]
    [MemberData(nameof(SecondPageHeaders))]
    public void Header_rows_repeated_after_a_page_break_are_dropped(string _, string[] repeated)
    {
        var header = Header(2, 200).Where(w => repeated.Contains(w.Text));
        var table = Rebuild(
            [.. Header(1, 200), .. Row(1, 100, 230, "一、本年新收", "1", "2", "3"), .. Row(1, 100, 260, "二、上年结转", "4", "5", "9")],
            [.. header, .. Row(2, 100, 230, "（七）总计", "7", "8", "15"), .. Row(2, 100, 260, "四、结转下年", "1", "1", "2")]);

        Assert.Equal(
            [["项目", "自然人", "法人", "总计"], ["一、本年新收", "1", "2", "3"], ["二、上年结转", "4", "5", "9"], ["（七）总计", "7", "8", "15"], ["四、结转下年", "1", "1", "2"]],
            table.Rows.Select(Texts).ToList());
        Assert.Equal([false, false, false, true, false], table.Rows.Select(r => r.StartsPage).ToList());
    }

    [Fact]
    public void A_header_cell_cut_by_the_page_break_is_not_taken_for_a_repeated_header()
    {
        var table = Rebuild(
            [.. Header(1, 200), .. Row(1, 100, 230, "一、本年新收", "1", "2", "3")],
            [W(2, 300, 216, "人"), .. Row(2, 100, 230, "（七）总计", "7", "8", "15")]);

        Assert.Contains(table.Rows, r => Texts(r).SequenceEqual(["人"]));
        Assert.Equal(4, table.Rows.Count);
    }

    [Fact]
    public void A_group_label_cut_by_the_page_break_keeps_its_level_and_spans_the_rows_on_both_pages()
    {
        // （三）不 | 1．属于国家秘密 at the foot of page 1; 予公开 beside the middle one of the next three rows on page 2, then
        // （四） printed at the top of its cell (as near the middle of 3．…1．…2． as of 1．…2．: the rows' restart at 1． tells).
        var table = Rebuild(
            [.. Header(1, 200), W(1, 30, 230, "（三）不"), .. Row(1, 110, 230, "1．属于国家秘密", "1", "0", "1")],
            [.. Row(2, 110, 230, "2．其他法律", "2", "0", "2"), W(2, 35, 260, "予公开"), .. Row(2, 110, 260, "3．危及安全", "3", "0", "3"),
             .. Row(2, 110, 290, "4．保护第三方", "4", "0", "4"),
             W(2, 30, 320, "（四）无法提供"), .. Row(2, 110, 320, "1．本机关不掌握", "5", "1", "6"), .. Row(2, 110, 350, "2．没有现成", "7", "0", "7")]);

        var grid = table.ToGrid();
        Assert.All(grid, row => Assert.Equal(5, row.Length));   // one group column, the row label, three figures
        Assert.Equal([.. Enumerable.Repeat("（三）不予公开", 4), "（四）无法提供", "（四）无法提供"], grid.Skip(1).Select(r => r[0]!.Text).ToList());
        Assert.Equal(["1．属于国家秘密", "2．其他法律", "3．危及安全", "4．保护第三方", "1．本机关不掌握", "2．没有现成"], grid.Skip(1).Select(r => r[1]!.Text).ToList());
        Assert.Equal(4, grid[1][0]!.RowSpan);
    }
}
