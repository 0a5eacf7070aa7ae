using System.Text;
using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Tests.Ocr.Grid;

public sealed class TesseractBatchTests
{
    [Fact]
    public void Each_listed_image_is_a_page_and_its_words_join_without_spaces_at_the_lowest_confidence()
    {
        // Shape of tesseract 5.3's TSV for a list of three images; the second read nothing.
        var tsv = string.Join("\n",
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t80\t40\t-1\t",
            "5\t1\t1\t1\t1\t1\t12\t10\t30\t22\t96.8\t申请",
            "5\t1\t1\t1\t1\t2\t44\t10\t30\t22\t79.1\t数量",
            "1\t2\t0\t0\t0\t0\t0\t0\t30\t40\t-1\t",
            "1\t3\t0\t0\t0\t0\t0\t0\t30\t40\t-1\t",
            "5\t3\t1\t1\t1\t1\t12\t10\t14\t21\t96.5\t0",
            "");
        var readings = TesseractBatch.Parse(Encoding.UTF8.GetBytes(tsv));
        Assert.Equal(2, readings.Count);
        Assert.Equal("申请数量", readings[0].Text);
        Assert.Equal(0.791, readings[0].Confidence, 3);
        Assert.False(readings.ContainsKey(1));
        Assert.Equal(new CellReading("0", 0.965), readings[2]);
    }
}
