using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Crawler.Extraction.Processes;

/// <summary>
/// Runs poppler, tesseract and LibreOffice: bounded time, bounded output, the whole process tree
/// killed on timeout or cancellation, and a clear failure when the binary is not installed.
/// Never throws for the tool's own failures; cancellation by the caller still throws.
/// </summary>
public sealed class ProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.StartNew();
        var info = new ProcessStartInfo(request.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = request.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in request.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in request.Environment) info.Environment[key] = value;

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessResult(-1, [], e.Message, start.Elapsed)
            {
                Failure = $"找不到外部程序 {request.FileName}（{e.Message}）：请安装它（见 README 的依赖一节）",
            };
        }
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        var output = new MemoryStream();
        var overflow = false;
        var stdoutTask = CopyBoundedAsync(process.StandardOutput.BaseStream, output, request.MaxOutputBytes, () =>
        {
            overflow = true;
            Kill(process);
        });
        var stderrTask = ReadTailAsync(process.StandardError.BaseStream);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await Task.WhenAll(stdoutTask, stderrTask).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(-1, [], "", start.Elapsed)
            {
                Failure = $"{Path.GetFileName(request.FileName)} 超时（{request.Timeout.TotalSeconds:0} 秒），已终止进程树",
            };
        }

        var stderr = await stderrTask.ConfigureAwait(false);
        if (overflow)
        {
            return new ProcessResult(-1, [], stderr, start.Elapsed)
            {
                Failure = $"{Path.GetFileName(request.FileName)} 输出超过 {request.MaxOutputBytes} 字节上限，已终止",
            };
        }
        var result = new ProcessResult(process.ExitCode, output.ToArray(), stderr, start.Elapsed);
        return process.ExitCode == 0
            ? result
            : result with { Failure = $"{Path.GetFileName(request.FileName)} 退出码 {process.ExitCode}：{FirstLine(stderr)}" };
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
    }

    private static async Task CopyBoundedAsync(Stream source, MemoryStream target, long limit, Action onOverflow)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > limit)
            {
                onOverflow();
                // Keep draining so the child is not blocked on a full pipe while it dies.
                while (await source.ReadAsync(buffer).ConfigureAwait(false) > 0) { }
                return;
            }
            target.Write(buffer, 0, read);
        }
    }

    private static async Task<string> ReadTailAsync(Stream source)
    {
        // Tools can be chatty on stderr; keep the last 16 KiB, which holds the reason.
        const int keep = 16 * 1024;
        var buffer = new byte[8192];
        var tail = new MemoryStream();
        int read;
        while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            tail.Write(buffer, 0, read);
            if (tail.Length > 4 * keep)
            {
                var bytes = tail.ToArray()[^keep..];
                tail = new MemoryStream();
                tail.Write(bytes);
            }
        }
        var all = tail.ToArray();
        return Encoding.UTF8.GetString(all.Length > keep ? all[^keep..] : all);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "（无错误输出）" : line;
    }
}
