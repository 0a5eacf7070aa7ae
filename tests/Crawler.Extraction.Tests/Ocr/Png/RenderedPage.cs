using Crawler.Extraction.Ocr.Grid;
using Crawler.Extraction.Processes;
using Crawler.Tests.Shared;

namespace Crawler.Extraction.Tests.Ocr.Png;

/// <summary>A page of a scanned fixture rendered by the real pdftoppm into a temporary folder.</summary>
internal sealed class RenderedPage : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("png-page-");

    public static string Scan(string stem) => Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "report-scanned.pdf");

    /// <summary>The bytes pdftoppm writes for the page with the given extra arguments (e.g. <c>-png</c>, <c>-gray</c>).</summary>
    public async Task<byte[]> RenderAsync(string pdf, int page, int dpi, params string[] arguments)
    {
        var prefix = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N"));
        var run = await new ProcessRunner().RunAsync(new ProcessRequest("pdftoppm",
            ["-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), .. arguments, pdf, prefix]), CancellationToken.None);
        if (!run.Succeeded) throw new InvalidOperationException($"pdftoppm failed: {run.Failure}");
        return await File.ReadAllBytesAsync(Directory.GetFiles(folder.FullName, Path.GetFileName(prefix) + "*").Single());
    }

    public async Task<GrayImage> GreyAsync(string pdf, int page, int dpi) =>
        GrayImage.TryRead(await RenderAsync(pdf, page, dpi, "-gray")) ?? throw new InvalidOperationException("pdftoppm -gray wrote no PGM");

    public void Dispose() => folder.Delete(recursive: true);
}
