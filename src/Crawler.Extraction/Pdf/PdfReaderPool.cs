using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Crawler.Extraction.Pdf;

/// <summary>
/// Reads PDFs with PdfPig outside the worker: PdfPig takes no cancellation token and a hostile PDF can make it
/// spin, allocate without end or overflow its stack, so each read runs in a reused reader process
/// (<see cref="PdfReaderHost"/>) whose GC heap is capped at <see cref="PdfOptions.ReaderMemoryBytes"/>. The worker
/// kills it at <see cref="PdfOptions.Timeout"/>, when its resident memory passes 1.5 times the budget, or on
/// cancellation, and starts a fresh one for the next document. Without the reader program (a library caller) or
/// with <c>ReaderPath = "in-process"</c> it reads in process, bounded only in time.
/// </summary>
internal sealed class PdfReaderPool : IDisposable
{
    private const string InProcess = "in-process";
    private const int DocumentsPerProcess = 200;
    private readonly PdfOptions options;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<ReaderProcess> idle = [];
    private readonly (string File, string[] Arguments)? command;

    public PdfReaderPool(PdfOptions options)
    {
        this.options = options;
        slots = new SemaphoreSlim(Math.Max(1, options.MaxReaders));
        command = Command(options);
    }

    /// <summary>Whether reads run in a separate, bounded process.</summary>
    public bool Isolated => command is not null;

    public async Task<PdfReadOutcome> ReadAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var limits = PdfReadLimits.From(options);
        if (command is not { } start) return await ReadInProcessAsync(pdf, limits, cancellationToken).ConfigureAwait(false);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ReaderProcess? reader = null;
        try
        {
            if (!idle.TryTake(out reader) || reader.HasExited)
            {
                reader?.Dispose();
                reader = ReaderProcess.Start(start.File, start.Arguments, options.ReaderMemoryBytes);
            }
            var (outcome, reusable) = await reader.ReadAsync(pdf, limits, options.Timeout, (long)(options.ReaderMemoryBytes * 1.5), cancellationToken).ConfigureAwait(false);
            if (reusable && reader.Documents < DocumentsPerProcess)
            {
                idle.Add(reader);
                reader = null;
            }
            return outcome;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PdfReadOutcome(null, $"找不到 PDF 读取程序 {start.File}（{e.Message}）：检查 Extraction:Pdf:ReaderPath");
        }
        finally
        {
            reader?.Dispose();
            slots.Release();
        }
    }

    private async Task<PdfReadOutcome> ReadInProcessAsync(byte[] pdf, PdfReadLimits limits, CancellationToken cancellationToken)
    {
        var read = Task.Run(() => PdfReadOutcome.Read(pdf, limits), CancellationToken.None);
        try
        {
            return await read.WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new PdfReadOutcome(null, TimeoutMessage(options.Timeout));
        }
    }

    internal static string TimeoutMessage(TimeSpan timeout) =>
        $"读取 PDF 超时（{timeout.TotalSeconds:0} 秒，Extraction:Pdf:Timeout），已终止读取进程";

    private static (string File, string[] Arguments)? Command(PdfOptions options)
    {
        if (string.Equals(options.ReaderPath, InProcess, StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(options.ReaderPath)) return (options.ReaderPath, []);
        var dll = Path.Combine(AppContext.BaseDirectory, "crawler-pdf-reader.dll");
        return File.Exists(dll) ? (Muxer(), [dll]) : null;
    }

    /// <summary>The dotnet host running this process (the reader runs on the same runtime).</summary>
    private static string Muxer()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        return File.Exists(candidate) ? candidate : name;
    }

    public void Dispose()
    {
        while (idle.TryTake(out var reader)) reader.Dispose();
        slots.Dispose();
    }

    /// <summary>One reader process and its pipes.</summary>
    private sealed class ReaderProcess : IDisposable
    {
        private readonly Process process;
        private readonly Task<string> errors;

        private ReaderProcess(Process process)
        {
            this.process = process;
            errors = process.StandardError.ReadToEndAsync();
        }

        public int Documents { get; private set; }

        public bool HasExited => process.HasExited;

        public static ReaderProcess Start(string file, string[] arguments, long memoryBytes)
        {
            var info = new ProcessStartInfo(file)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            // The runtime enforces the heap cap: an allocation past it throws OutOfMemoryException in the reader.
            info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + memoryBytes.ToString("X", CultureInfo.InvariantCulture);
            info.Environment["DOTNET_gcServer"] = "0";
            info.Environment["DOTNET_TieredPGO"] = "0";
            return new ReaderProcess(Process.Start(info) ?? throw new InvalidOperationException("reader process did not start"));
        }

        /// <summary>The outcome, and whether the process may read the next document.</summary>
        public async Task<(PdfReadOutcome Outcome, bool Reusable)> ReadAsync(byte[] pdf, PdfReadLimits limits, TimeSpan timeout, long maxResident,
            CancellationToken cancellationToken)
        {
            Documents++;
            var exchange = Task.Run(() =>
            {
                PdfContentWire.WriteRequest(process.StandardInput.BaseStream, pdf, limits);
                return PdfContentWire.ReadReply(process.StandardOutput.BaseStream);
            }, CancellationToken.None);
            var clock = Stopwatch.StartNew();
            while (!exchange.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequestedAfter(Kill);
                if (clock.Elapsed >= timeout)
                {
                    Kill();
                    return (new PdfReadOutcome(null, TimeoutMessage(timeout)), false);
                }
                if (Resident() is { } resident && resident > maxResident)
                {
                    Kill();
                    return (new PdfReadOutcome(null, $"读取 PDF 占用内存 {resident / (1024 * 1024)} MB，超过上限 {maxResident / (1024 * 1024)} MB（Extraction:Pdf:ReaderMemoryBytes 的 1.5 倍），已终止读取进程"), false);
                }
                await Task.WhenAny(exchange, Task.Delay(50, CancellationToken.None)).ConfigureAwait(false);
            }
            try
            {
                var outcome = await exchange.ConfigureAwait(false);
                return (outcome, outcome.Error is null || !HasExited);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException)
            {
                Kill();
                var exit = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";
                var tail = await Tail().ConfigureAwait(false);
                return (new PdfReadOutcome(null, $"PDF 读取进程意外退出（退出码 {exit}{tail}），文件可能已损坏（如对象嵌套过深）"), false);
            }
        }

        private long? Resident()
        {
            try
            {
                process.Refresh();
                return process.HasExited ? null : process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private async Task<string> Tail()
        {
            var done = await Task.WhenAny(errors, Task.Delay(1000)).ConfigureAwait(false);
            if (done != errors) return "";
            var line = (await errors.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return line is null ? "" : "：" + (line.Length > 120 ? line[..120] : line);
        }

        private void Kill()
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        public void Dispose()
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The reader is gone already.
            }
            if (!process.WaitForExit(200)) Kill();
            process.Dispose();
        }
    }
}

internal static class CancellationExtensions
{
    /// <summary>Runs <paramref name="cleanup"/> before throwing when cancellation was requested.</summary>
    public static void ThrowIfCancellationRequestedAfter(this CancellationToken token, Action cleanup)
    {
        if (!token.IsCancellationRequested) return;
        cleanup();
        token.ThrowIfCancellationRequested();
    }
}
