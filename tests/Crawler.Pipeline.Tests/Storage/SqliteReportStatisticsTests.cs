using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage;

public sealed class SqliteReportStatisticsTests : IDisposable
{
    private static readonly string[] Keys = ["applications.newReceived.total"];
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task Kept_year_totals_follow_every_stored_version_and_equal_a_fresh_sum()
    {
        var store = _data.Store();
        var statistics = new SqliteReportStatistics(_data.Database);
        await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Liaocheng), default);
        var first = await statistics.YearTotalsAsync(Keys, default);

        await store.StoreVersionAsync(GoldReports.Draft(GoldReports.Huancui), default);
        var second = await statistics.YearTotalsAsync(Keys, default);
        var fresh = await new SqliteReportStatistics(_data.Database).YearTotalsAsync(Keys, default);

        Assert.Equal(1, first.Sum(y => y.Reports));
        Assert.Equal(2, second.Sum(y => y.Reports));
        Assert.Equal(Describe(fresh), Describe(second));
        Assert.Same(second, await statistics.YearTotalsAsync(Keys, default));
    }

    private static string Describe(IReadOnlyList<YearTotals> years) =>
        string.Join(";", years.Select(y => $"{y.Year}:{y.Reports}:{string.Join(",", y.Sums.Select(v => $"{v.Key}={v.Value}"))}"));

    public void Dispose() => _data.Dispose();
}
