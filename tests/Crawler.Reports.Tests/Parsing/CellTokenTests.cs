using Crawler.Reports.Parsing;

namespace Crawler.Reports.Tests.Parsing;

public class CellTokenTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData(" 12 ", 12)]
    [InlineData("１２", 12)]
    [InlineData("1,234", 1234)]
    [InlineData("128.6", 128.6)]
    [InlineData("-2", -2)]
    [InlineData("+1", 1)]
    [InlineData("3件", 3)]
    [InlineData("1.25万元", 1.25)]
    public void Printed_numbers_are_read_as_numbers(string text, double expected)
    {
        var token = CellToken.Read(text);

        Assert.Equal(CellKind.Number, token.Kind);
        Assert.Equal((decimal)expected, token.Value);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("—")]
    [InlineData("无")]
    [InlineData("-")]
    public void Marks_for_nothing_to_report_are_null_not_zero(string text)
    {
        var token = CellToken.Read(text);

        Assert.Equal(CellKind.NullMark, token.Kind);
        Assert.Null(token.Value);
        Assert.True(token.IsValue);
    }

    [Theory]
    [InlineData("1. 属于国家秘密")]
    [InlineData("2023年")]
    [InlineData("本年增/减")]
    [InlineData("1.2.3")]
    [InlineData("12345678901234567890123456789012345678901234567890")]
    public void Labels_and_malformed_numbers_are_labels(string text)
    {
        Assert.Equal(CellKind.Label, CellToken.Read(text).Kind);
    }

    [Fact]
    public void Empty_and_whitespace_cells_are_blank()
    {
        Assert.Equal(CellKind.Blank, CellToken.Read("").Kind);
        Assert.Equal(CellKind.Blank, CellToken.Read(" \u3000 ").Kind);
        Assert.Equal(CellKind.Blank, CellToken.Read(null).Kind);
    }
}
