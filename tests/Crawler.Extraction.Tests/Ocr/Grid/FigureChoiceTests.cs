using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class FigureChoiceTests
{
    [Fact]
    public void Both_passes_agreeing_take_the_higher_confidence()
    {
        Assert.Equal(new CellReading("0", 0.96), FigureChoice.Choose(new("O", 0.60), new("0", 0.96)));
        Assert.Equal(new CellReading("12", 0.93), FigureChoice.Choose(new("12", 0.93), new("12", 0.85)));
    }

    [Fact]
    public void A_zero_the_chi_sim_pass_dropped_comes_from_the_digits_pass()
    {
        Assert.Equal(new CellReading("0", 0.95), FigureChoice.Choose(null, new("0", 0.95)));
        Assert.Equal(new CellReading("0", 0.91), FigureChoice.Choose(new("。", 0.40), new("0", 0.91)));
    }

    [Fact]
    public void Two_different_numbers_keep_the_more_confident_with_the_lower_confidence()
    {
        Assert.Equal(new CellReading("8", 0.55), FigureChoice.Choose(new("3", 0.55), new("8", 0.90)));
        Assert.Equal(new CellReading("3", 0.50), FigureChoice.Choose(new("3", 0.93), new("8", 0.50)));
    }

    [Fact]
    public void A_label_stays_a_label_and_no_digits_reading_leaves_the_text()
    {
        Assert.Equal(new CellReading("总计", 0.9), FigureChoice.Choose(new("总计", 0.9), new("1", 0.3)));
        Assert.Equal(new CellReading("—", 0.7), FigureChoice.Choose(new("—", 0.7), new("", 0.2)));
        Assert.Equal(new CellReading("0.5", 0.9), FigureChoice.Choose(null, new(".0.5.", 0.9)));
        Assert.Null(FigureChoice.Choose(null, null));
    }

    [Fact]
    public void One_doubtful_letter_where_the_digits_pass_reads_a_number_is_that_number_and_stays_suspect()
    {
        // The held-out scan: 11 read by chi_sim as 了 at 35%.
        Assert.Equal(new CellReading("11", 0.35), FigureChoice.Choose(new("了", 0.35), new("11", 0.93)));
        // A surely read one-letter label (人 of a header cut by a page break) is kept.
        Assert.Equal(new CellReading("人", 0.91), FigureChoice.Choose(new("人", 0.91), new("1", 0.60)));
        Assert.False(FigureChoice.MaybeMisreadFigure(new("总计", 0.2)));
    }
}
