using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>
/// Hostile PDF attachments through the worker's own wiring (AddExtraction with a 256 MB, 20 s reader budget): each
/// is archived and quarantined with the reader's reason, and the report PDF fetched after them is still parsed.
/// The memory case is the one that meets the heap cap in a fraction of a second (inflates to 1 GiB), so the clock
/// never decides it on a loaded machine; the slower allocating PDFs are HostilePdfTests' (a clock of their own).
/// </summary>
public sealed class HostilePdfQuarantineTests
{
    [Fact]
    public async Task Hostile_pdfs_are_archived_and_quarantined_with_their_reason_and_the_worker_goes_on()
    {
        await using var pipeline = new RealPipeline([
            new("Extraction:Pdf:Timeout", "00:00:20"),
            new("Extraction:Pdf:ReaderMemoryBytes", (256L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        var source = RealPipeline.SourceFor("威海市环翠区商务局");
        var hostile = new Dictionary<string, string>
        {
            ["billion-empty-draws.pdf"] = "读取 PDF 超时（20 秒",
            ["inflates-to-1gib.pdf"] = "超出内存上限（256 MB",
            ["deep-nesting.pdf"] = "对象嵌套过深",
            ["broken-xref-no-objects.pdf"] = "已损坏或不完整",
        };

        var outcomes = new Dictionary<string, ProcessingOutcome>();
        foreach (var file in hostile.Keys)
        {
            outcomes[file] = await pipeline.ProcessAsync(pipeline.Fetched(source, $"http://127.0.0.1/attach/{file}",
                Path.Combine(RepositoryPaths.Fixtures, "formats", "hostile-pdf", file), "application/pdf", DocumentRole.ReportAttachment));
        }
        var report = await pipeline.ProcessAsync(pipeline.Fetched(source, "http://127.0.0.1/attach/2023.pdf",
            RealPipeline.Fixture(GoldReports.Huancui, "report.pdf"), "application/pdf", DocumentRole.ReportAttachment));

        foreach (var (file, reason) in hostile)
        {
            Assert.Equal(ProcessingOutcomeKind.Failed, outcomes[file].Kind);
            Assert.Contains(reason, outcomes[file].Reason);
            Assert.True(pipeline.Get<ContentAddressedArchive>().Contains(outcomes[file].Sha256!), $"{file} is kept in the archive");
        }
        var quarantined = await pipeline.Get<IReportStore>().QuarantinedAsync(default);
        Assert.Equal(hostile.Count, quarantined.Count);
        foreach (var (file, reason) in hostile)
        {
            var kept = Assert.Single(quarantined, q => q.Sha256 == outcomes[file].Sha256);
            Assert.Equal(ProcessingStatus.Failed, kept.Status);
            Assert.Contains(reason, kept.Detail);
        }
        Assert.Equal((ProcessingOutcomeKind.NewReport, "威海市环翠区商务局", 2023), (report.Kind, report.Agency, report.Year));
    }
}
