using Crawler.Reports.Model;
using Crawler.Reports.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Reports.Tests.Validation;

public class NullProperties
{
    [Fact]
    public void Blanking_any_cells_of_a_consistent_report_never_raises_a_rule()
    {
        var keys = ConsistentReport.Create().Figures().Select(f => f.Key).ToArray();
        var subsets = Gen.ListOf(Gen.Elements(keys));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(subsets.ToArbitrary(), blanked =>
        {
            var report = ConsistentReport.Create();
            foreach (var key in blanked)
            {
                var parts = key.Split('.');
                var table = parts[0] switch { "activeDisclosure" => report.ActiveDisclosure, "applications" => report.Applications, _ => report.ReviewAndLitigation };
                table[parts[1], parts[2]] = null;
            }
            return ReportValidator.Validate(report).All(f => f.Severity != FindingSeverity.Error);
        }));
    }

    [Fact]
    public void Breaking_a_cell_of_a_consistent_report_raises_a_rule()
    {
        var keys = ConsistentReport.Create().Figures().Select(f => f.Key).Where(k => !k.StartsWith("activeDisclosure", StringComparison.Ordinal)).ToArray();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(Gen.Elements(keys).ToArbitrary(), key =>
        {
            var report = ConsistentReport.Create();
            var parts = key.Split('.');
            var table = parts[0] == "applications" ? report.Applications : report.ReviewAndLitigation;
            table[parts[1], parts[2]] = table[parts[1], parts[2]]!.Value + 1;
            return ReportValidator.Validate(report).Any(f => f.Severity == FindingSeverity.Error).Label(key);
        }));
    }
}
