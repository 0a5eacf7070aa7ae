using System.CommandLine;
using System.Security.Cryptography;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler original &lt;agency&gt; &lt;year&gt; [--version N]</c>: the archived original of a report, byte for byte,
/// checked against its sha256, with where and when it was fetched. The bytes go to <c>--output</c> (default: the
/// document's own file name in the current folder; <c>-</c> for stdout, the provenance then on stderr).
/// </summary>
internal static class OriginalCommand
{
    public static Command Create()
    {
        var agency = new Argument<string>("agency") { Description = "The agency, e.g. 聊城市商务局 (a unique part of the name will do)." };
        var year = new Argument<int>("year") { Description = "The report year, e.g. 2023." };
        var version = new Option<int?>("--version") { Description = "Which version (1, 2, …); default the latest." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the bytes (a file, or - for stdout); default the document's file name here." };
        var data = DataDirectoryOption.Create();
        var command = new Command("original", "Write the archived original of a report (its exact bytes) with its sha256 and where and when it was fetched.")
            { agency, year, version, output, data };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = CommandSession.From(parseResult);
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var name = parseResult.GetValue(agency)!.Trim();
            var reportYear = parseResult.GetValue(year);
            var versions = await services.GetRequiredService<IReportStore>().ListVersionsAsync(new ReportFilter { Agency = name, Year = reportYear }, cancellationToken);
            var chosen = Choose(versions, name, reportYear, parseResult.GetValue(version));
            var archive = services.GetRequiredService<ContentAddressedArchive>();
            if (!archive.Contains(chosen.Sha256))
            {
                throw new CommandError($"归档中没有这个文件 (the archive lacks the original): {archive.PathFor(chosen.Sha256)}");
            }
            var target = parseResult.GetValue(output) ?? FileName(chosen);
            var toStdout = target == "-";
            if (!toStdout && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                throw new CommandError($"输出目录不存在 (the output folder does not exist): {folder}");
            }
            var (sha256, length) = await CopyAsync(archive, chosen.Sha256, toStdout ? null : target, cancellationToken);
            if (sha256 != chosen.Sha256)
            {
                if (!toStdout) File.Delete(target);
                throw new CommandError($"归档文件已损坏：内容的 sha256 为 {sha256}，应为 {chosen.Sha256} (the archived file is damaged)");
            }
            var provenance = toStdout ? session.Error : session.Output;
            if (!toStdout) await provenance.WriteLineAsync($"已写入 (written) {Path.GetFullPath(target)}: {length} 字节 (bytes)");
            await provenance.WriteLineAsync($"{chosen.Agency} {chosen.Year} 年 第{chosen.Version}版{(chosen.IsLatest ? "（最新）" : "")}");
            await provenance.WriteLineAsync($"sha256 {sha256}（已核对 verified）");
            await provenance.WriteLineAsync($"来源 (fetched from) {chosen.DocumentUrl.AbsoluteUri}" + (chosen.PageUrl is { } page ? $"  页面 (page) {page.AbsoluteUri}" : ""));
            await provenance.WriteLineAsync($"抓取时间 (fetched at) {ReportExportColumns.BeijingTime(chosen.FetchedAt, ExportHeader.Labels)}（北京时间）= {chosen.FetchedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            await provenance.WriteLineAsync($"类型 (media type) {chosen.MediaType}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The agency by exact name, else the one agency whose name contains the text; the version asked for, else the latest.</summary>
    private static ReportVersionRecord Choose(IReadOnlyList<ReportVersionRecord> versions, string name, int year, int? version)
    {
        var agencies = versions.Select(v => v.Agency).Distinct(StringComparer.Ordinal).ToList();
        if (agencies.Count == 0) throw new CommandError($"没有找到「{name}」{year} 年的报告 (no stored report for that agency and year): crawler reports --agency {name} 列出已有的");
        var agency = agencies.Contains(name) ? name : agencies.Count == 1 ? agencies[0]
            : throw CommandError.Usage($"「{name}」对应多个机关，请写全名 (more than one agency matches): {string.Join("、", agencies)}");
        var of = versions.Where(v => v.Agency == agency).OrderBy(v => v.Version).ToList();
        if (version is null) return of.Single(v => v.IsLatest);
        return of.FirstOrDefault(v => v.Version == version)
            ?? throw CommandError.Usage($"{agency} {year} 年没有第{version}版：已有版本 (versions) {string.Join(", ", of.Select(v => v.Version))}");
    }

    /// <summary>The document's own file name (the last part of its URL), else agency-year-vN with an extension from its media type.</summary>
    private static string FileName(ReportVersionRecord version)
    {
        var last = Uri.UnescapeDataString(version.DocumentUrl.Segments[^1]).Trim('/');
        if (last.Length > 0 && last.Contains('.', StringComparison.Ordinal) && last.IndexOfAny(Path.GetInvalidFileNameChars()) < 0) return last;
        var extension = version.MediaType switch
        {
            "application/pdf" => ".pdf",
            "text/html" => ".html",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
            "application/msword" => ".doc",
            _ => ".bin",
        };
        return $"{version.Agency}-{version.Year}-v{version.Version}{extension}";
    }

    private static async Task<(string Sha256, long Length)> CopyAsync(ContentAddressedArchive archive, string sha256, string? target, CancellationToken cancellationToken)
    {
        await using var source = archive.OpenRead(sha256);
        await using var destination = target is null ? Console.OpenStandardOutput() : new FileStream(target, FileMode.Create, FileAccess.Write);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }
}
