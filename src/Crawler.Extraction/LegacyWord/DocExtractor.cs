using System.Text;
using Crawler.Extraction.Docx;
using Crawler.Extraction.Processes;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.LegacyWord;

/// <summary>
/// Legacy Word (.doc) and Kingsoft WPS files: LibreOffice converts them to DOCX, which
/// <see cref="DocxExtractor"/> then reads. Each conversion gets its own LibreOffice profile
/// directory — two soffice processes sharing one profile make the second silently convert nothing —
/// and its own work directory, both removed afterwards. A hang is cut off by the process runner,
/// which kills soffice.bin along with its launcher.
/// </summary>
public sealed class DocExtractor(ProcessRunner runner, DocxExtractor docx, IOptions<ExtractionOptions> options) : IDocumentExtractor
{
    private readonly ExtractionOptions _options = options.Value;

    public bool CanExtract(DocumentFormat format) => format is DocumentFormat.Doc or DocumentFormat.Wps;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var work = Path.Combine(Path.GetTempPath(), $"crawler-doc-{id}");
        var profile = Path.Combine(Path.GetTempPath(), $"crawler-lo-{id}");
        try
        {
            Directory.CreateDirectory(work);
            var input = Path.Combine(work, "source" + (format == DocumentFormat.Wps ? ".wps" : ".doc"));
            await File.WriteAllBytesAsync(input, document.Content.ToArray(), cancellationToken).ConfigureAwait(false);
            // Without a fixed import filter LibreOffice opens any unreadable file as plain text and
            // "succeeds" with garbage; Kingsoft .wps files are Word 97 binaries inside, except WPS 2000-era ones.
            var filter = format == DocumentFormat.Doc || HasWordStream(document.Content.Span) ? ["--infilter=MS Word 97"] : Array.Empty<string>();
            var request = new ProcessRequest(_options.LibreOfficePath,
            [
                "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri,
                .. filter,
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, input,
            ])
            {
                Timeout = _options.LibreOfficeTimeout,
                MaxOutputBytes = 1024 * 1024,
                WorkingDirectory = work,
                Environment = new Dictionary<string, string> { ["HOME"] = profile },
            };
            var run = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            if (!run.Succeeded) return Fail(document, format, $"LibreOffice 转换失败：{run.Failure}");
            var output = Path.Combine(work, "source.docx");
            if (!File.Exists(output))
            {
                var said = (Encoding.UTF8.GetString(run.StandardOutput) + " " + run.StandardError).Trim();
                return Fail(document, format, $"LibreOffice 未能转换此文件（文件损坏或不是 {format} 文档）{(said.Length > 0 ? "：" + said : "")}");
            }
            var bytes = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
            var result = docx.Extract(new SourceDocument(bytes, document.Name), cancellationToken);
            return result with { Format = format };
        }
        finally
        {
            TryDelete(work);
            TryDelete(profile);
        }
    }

    private static bool HasWordStream(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0;

    private static ExtractionResult Fail(SourceDocument document, DocumentFormat format, string reason) =>
        ExtractionResult.Failure(format, $"{document.Name}：{reason}");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed soffice may still hold a file for a moment; the OS temp cleaner gets the rest.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
