using Crawler.Pipeline.Discovery.Classification;
using Crawler.Pipeline.Discovery.Pages;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class ReportYearPropertyTests
{
    private static string Chinese(int year) => string.Concat(year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "〇一二三四五六七八九"[d - '0']));

    [Fact]
    public void Any_year_written_in_arabic_or_chinese_digits_is_read_back()
    {
        Prop.ForAll(Gen.Choose(2000, 2099).ToArbitrary(), year =>
            ReportClassifier.Classify($"某局{year}年政府信息公开工作年度报告 {year + 1}-01-30").Year == year
            && ReportClassifier.Classify($"某局{Chinese(year)}年度政府信息公开工作年度报告").Year == year)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Url_keys_are_stable_under_fragments_and_index_pages()
    {
        Prop.ForAll(Gen.Elements("index.html", "index.shtml", "index.htm", "").ToArbitrary(), Gen.Choose(1, 9999).ToArbitrary(), (index, n) =>
            UrlKey.Of(new Uri($"http://WWW.Gov.CN:80/col/col{n}/{index}#top")) == $"http://www.gov.cn/col/col{n}/")
            .QuickCheckThrowOnFailure();
    }
}
