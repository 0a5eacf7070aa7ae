using Crawler.Pipeline.Processing;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Pipeline.Tests.Processing;

public sealed class ReportIdentityTests
{
    [Theory]
    [InlineData("威海市环翠区商务局", "环翠区商务局", "威海市环翠区商务局")]
    [InlineData("聊城市商务局", "山东省聊城市商务局", "聊城市商务局")]
    [InlineData("聊城市商务局", "聊城市 商务局", "聊城市商务局")]
    [InlineData("聊城市商务局", null, "聊城市商务局")]
    [InlineData("聊城市商务局", " ", "聊城市商务局")]
    [InlineData("聊城市人民政府", "聊城市商务局", "聊城市商务局")]
    public void The_source_agency_wins_unless_the_parsed_agency_is_clearly_another(string source, string? parsed, string expected) =>
        Assert.Equal(expected, ReportIdentity.Agency(source, parsed));

    [Theory]
    [InlineData(2023, 2024, 2023)]
    [InlineData(null, 2024, 2024)]
    [InlineData(null, null, null)]
    public void The_parsed_year_wins_over_the_link_year(int? parsed, int? hint, int? expected)
    {
        var report = AnnualReport.Blank(Template2021.Id) with { Year = parsed };
        Assert.Equal(expected, ReportIdentity.Decide("聊城市商务局", hint, report).Year);
    }
}
